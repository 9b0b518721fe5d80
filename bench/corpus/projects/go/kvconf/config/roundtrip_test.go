package config

import "testing"

func TestBulkRoundTripHigh(t *testing.T) {
	bulkRoundTrip(t, 3, 4, 5)
}
