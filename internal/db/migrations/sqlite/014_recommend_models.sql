-- Fitted recommendation models (factors, weights, the signals they were
-- fitted on), written by the hourly job, read by every instance.
CREATE TABLE recommend_models (
    id INTEGER PRIMARY KEY,
    fitted_at TIMESTAMP NOT NULL,
    model     BLOB NOT NULL
);
