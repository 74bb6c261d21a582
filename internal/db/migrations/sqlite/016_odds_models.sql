-- Renewal-odds models, each fitted as of a cut-off day on the outcomes
-- known by then, written by the odds_fit job, read by every instance to
-- score seasons without fitting. cutoff is YYYY-MM-DD.
CREATE TABLE odds_models (
    version   TEXT NOT NULL,
    cutoff    TEXT NOT NULL,
    fitted_at TIMESTAMP NOT NULL,
    model     BLOB NOT NULL,
    PRIMARY KEY (version, cutoff)
);
