package intake

import (
	"context"
	"errors"
	"sync/atomic"
	"testing"
)

func TestForEachRecoversAndStops(t *testing.T) {
	var ran atomic.Int32
	var panicked []int
	err := forEach(context.Background(), 2, 5, func(ctx context.Context, i int) error {
		ran.Add(1)
		if i == 1 {
			panic("boom")
		}
		return nil
	}, func(i int, v any) { panicked = append(panicked, i) })
	if err != nil || ran.Load() != 5 || len(panicked) != 1 || panicked[0] != 1 {
		t.Errorf("err %v, ran %d, panicked %v: want nil, 5, [1]", err, ran.Load(), panicked)
	}

	stop := errors.New("dependency missing")
	err = forEach(context.Background(), 1, 100, func(ctx context.Context, i int) error {
		if i == 2 {
			return stop
		}
		return ctx.Err()
	}, func(int, any) {})
	if !errors.Is(err, stop) {
		t.Errorf("err %v, want the first error", err)
	}

	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := forEach(ctx, 2, 3, func(context.Context, int) error { return nil }, func(int, any) {}); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled: err %v", err)
	}
}
