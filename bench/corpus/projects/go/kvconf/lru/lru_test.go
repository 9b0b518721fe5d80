package lru

import (
	"fmt"
	"reflect"
	"sync"
	"testing"
)

func TestEvictsLeastRecentlyUsed(t *testing.T) {
	c := New(2)
	c.Put("a", "1")
	c.Put("b", "2")
	c.Get("a")
	c.Put("c", "3")
	if _, ok := c.Get("b"); ok {
		t.Error("b should have been evicted")
	}
	if got := c.Keys(); !reflect.DeepEqual(got, []string{"c", "a"}) {
		t.Errorf("Keys() = %v, want [c a]", got)
	}
}

func TestUpdateKeepsLength(t *testing.T) {
	c := New(3)
	c.Put("a", "1")
	c.Put("a", "2")
	if c.Len() != 1 {
		t.Fatalf("Len() = %d, want 1", c.Len())
	}
	if v, _ := c.Get("a"); v != "2" {
		t.Errorf("Get(a) = %q, want %q", v, "2")
	}
}

func TestHitRate(t *testing.T) {
	c := New(4)
	c.Put("x", "1")
	c.Get("x")
	c.Get("y")
	c.Get("x")
	if got := c.HitRate(); got < 0.66 || got > 0.67 {
		t.Errorf("HitRate() = %.4f, want 0.6667", got)
	}
}

func TestConcurrentPuts(t *testing.T) {
	c := New(64)
	var wg sync.WaitGroup
	for w := 0; w < 8; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			for i := 0; i < 100; i++ {
				c.Put(fmt.Sprintf("w%d-%d", w, i), "v")
			}
		}(w)
	}
	wg.Wait()
	if c.Len() != 64 {
		t.Errorf("Len() = %d, want 64", c.Len())
	}
}

func TestZeroCapacityPanics(t *testing.T) {
	defer func() {
		if recover() == nil {
			t.Error("New(0) did not panic")
		}
	}()
	New(0)
}
