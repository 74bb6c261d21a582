package jobs

import (
	"context"

	"github.com/riverqueue/river"

	"github.com/nextseason/nextseason/internal/recommend"
)

// RecommendFitArgs is the hourly job that refits the recommendation
// models on the catalog and the follows.
type RecommendFitArgs struct{}

// Kind names the job.
func (RecommendFitArgs) Kind() string { return "recommend_fit" }

// InsertOpts keep one run at a time.
func (RecommendFitArgs) InsertOpts() river.InsertOpts { return uniqueWhileWaiting() }

type recommendFitWorker struct {
	river.WorkerDefaults[RecommendFitArgs]
	service *recommend.Service
}

func (w *recommendFitWorker) Work(ctx context.Context, job *river.Job[RecommendFitArgs]) error {
	_, err := w.service.Refit(ctx)
	return err
}
