//go:build tools

// Package tools pins the Pulumi CLI built for the real-engine test bed, the way
// pulumi/pulumi-docker-build's tools/tools.go does. The nodejs language host and
// the command provider are not built here: the Go module proxy refuses their
// modules (see ./build and docs/real-pulumi.md).
package tools

import (
	_ "github.com/pulumi/pulumi/pkg/v3/cmd/pulumi"
)
