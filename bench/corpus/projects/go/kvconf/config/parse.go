// Package config parses "key = value" configuration files with [sections].
package config

import (
	"bufio"
	"fmt"
	"strconv"
	"strings"
)

// Config maps "section.key" to its raw value.
type Config map[string]string

// ParseError names the line that could not be read.
type ParseError struct {
	Line   int
	Reason string
}

func (e *ParseError) Error() string {
	return fmt.Sprintf("line %d: %s", e.Line, e.Reason)
}

// Parse reads the whole input; keys outside a section have no prefix.
func Parse(input string) (Config, error) {
	cfg := Config{}
	section := ""
	scanner := bufio.NewScanner(strings.NewReader(input))
	line := 0
	for scanner.Scan() {
		line++
		text := strings.TrimSpace(scanner.Text())
		if text == "" || strings.HasPrefix(text, "#") || strings.HasPrefix(text, ";") {
			continue
		}
		if strings.HasPrefix(text, "[") {
			if !strings.HasSuffix(text, "]") {
				return nil, &ParseError{line, "unterminated section header"}
			}
			section = strings.TrimSpace(text[1 : len(text)-1])
			continue
		}
		key, value, found := strings.Cut(text, "=")
		if !found {
			return nil, &ParseError{line, fmt.Sprintf("expected key = value, got %q", text)}
		}
		key = strings.TrimSpace(key)
		if section != "" {
			key = section + "." + key
		}
		cfg[key] = unquote(strings.TrimSpace(value))
	}
	return cfg, scanner.Err()
}

func unquote(value string) string {
	if len(value) >= 2 && value[0] == '"' && value[len(value)-1] == '"' {
		if s, err := strconv.Unquote(value); err == nil {
			return s
		}
	}
	return value
}

// Int returns the value of key as an int, or def when absent.
func (c Config) Int(key string, def int) (int, error) {
	raw, ok := c[key]
	if !ok {
		return def, nil
	}
	n, err := strconv.Atoi(raw)
	if err != nil {
		return 0, fmt.Errorf("%s: %w", key, err)
	}
	return n, nil
}

// Bool accepts true/false/yes/no/on/off.
func (c Config) Bool(key string, def bool) (bool, error) {
	raw, ok := c[key]
	if !ok {
		return def, nil
	}
	switch strings.ToLower(raw) {
	case "true", "yes", "on", "1":
		return true, nil
	case "false", "no", "off", "0":
		return false, nil
	}
	return false, fmt.Errorf("%s: not a boolean: %q", key, raw)
}

// List splits a comma-separated value, dropping empty items.
func (c Config) List(key string) []string {
	var out []string
	for _, item := range strings.Split(c[key], ",") {
		if item = strings.TrimSpace(item); item != "" {
			out = append(out, item)
		}
	}
	return out
}
