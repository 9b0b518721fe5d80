package config

import "testing"

func TestBulkRoundTripLow(t *testing.T) {
	bulkRoundTrip(t, 0, 1, 2)
}
