package config

import (
	"errors"
	"fmt"
	"os"
	"reflect"
	"strconv"
	"testing"
)

const sample = `
# service settings
name = "kv server"
[http]
port = 8080
debug = yes
origins = a.example, b.example,,c.example
[store]
shards = 4
`

func TestParseSample(t *testing.T) {
	cfg, err := Parse(sample)
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
	want := Config{"name": "kv server", "http.port": "8080", "http.debug": "yes",
		"http.origins": "a.example, b.example,,c.example", "store.shards": "4"}
	if !reflect.DeepEqual(cfg, want) {
		t.Errorf("Parse(sample) = %v, want %v", cfg, want)
	}
}

func TestParseErrors(t *testing.T) {
	cases := []struct {
		name, input string
		line        int
	}{
		{"missing equals", "a = 1\nb\n", 2},
		{"open section", "[http\n", 1},
		{"after comments", "# c\n; c\n\nnope\n", 4},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Parse(tc.input)
			var perr *ParseError
			if !errors.As(err, &perr) {
				t.Fatalf("want *ParseError, got %v", err)
			}
			if perr.Line != tc.line {
				t.Errorf("line = %d, want %d", perr.Line, tc.line)
			}
		})
	}
}

func TestTypedGetters(t *testing.T) {
	cfg, _ := Parse(sample)
	port, err := cfg.Int("http.port", 80)
	if err != nil || port != 8080 {
		t.Errorf("Int(http.port) = %d, %v; want 8080, nil", port, err)
	}
	if n, _ := cfg.Int("http.timeout", 30); n != 30 {
		t.Errorf("Int default = %d, want 30", n)
	}
	debug, err := cfg.Bool("http.debug", false)
	if err != nil || !debug {
		t.Errorf("Bool(http.debug) = %v, %v; want true, nil", debug, err)
	}
	if got := cfg.List("http.origins"); !reflect.DeepEqual(got, []string{"a.example", "b.example", "c.example"}) {
		t.Errorf("List(http.origins) = %q", got)
	}
}

// bulkCount is how many generated keys TestBulkRoundTrip checks per group (KVCONF_BULK).
func bulkCount() int {
	if n, err := strconv.Atoi(os.Getenv("KVCONF_BULK")); err == nil {
		return n
	}
	return 20
}

// bulkRoundTrip parses one generated key per subtest, bulkCount() keys for each group.
func bulkRoundTrip(t *testing.T, groups ...int) {
	for _, group := range groups {
		group := group
		t.Run(fmt.Sprintf("group%d", group), func(t *testing.T) {
			for i := 0; i < bulkCount(); i++ {
				key := fmt.Sprintf("k%d_%d", group, i)
				value := strconv.Itoa(i*37 + group)
				t.Run(key, func(t *testing.T) {
					cfg, err := Parse(fmt.Sprintf("[g]\n%s = %s\n", key, value))
					if err != nil {
						t.Fatal(err)
					}
					if got := cfg["g."+key]; got != value {
						t.Errorf("round trip of %s: got %q, want %q", key, got, value)
					}
				})
			}
		})
	}
}
