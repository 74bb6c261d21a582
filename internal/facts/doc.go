// Package facts is nextseason's domain core. It resolves answers from
// claims and provider data: the renewal status of a season, its premiere,
// its cast and plot, as of any date, with conflicts reported. It is pure:
// values in, answers out, no I/O and no clock of its own.
package facts
