// Command nextseason keeps a sourced, dated record of TV shows and their
// next seasons, and serves it. Run "nextseason demo" to try it.
package main

import (
	"context"
	"os"
	"os/signal"
	"syscall"

	"github.com/nextseason/nextseason/internal/cli"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := cli.Main(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}
