//go:build tools

// Package tools pins the Pulumi CLI built for the real-engine test bed, the way
// pulumi/pulumi-docker-build's tools/tools.go does. The nodejs language host is
// built from ./third_party/pulumi-language-nodejs (see third_party/README.md:
// the Go module proxy refuses its module).
package tools

import (
	_ "github.com/pulumi/pulumi/pkg/v3/cmd/pulumi"
)
