package recommend

import "golang.org/x/sys/cpu"

// fast is whether the assembly kernels can run here.
var fast = cpu.X86.HasAVX2 && cpu.X86.HasFMA

// rankOneSumAVX2 is rankOneSum for k a multiple of 8 and items not empty.
//
//go:noescape
func rankOneSumAVX2(out, v, fixed []float64, items []int32, a, b float64)

// dotRows32AVX2 is dotRows32 for k a multiple of 16 and out not empty.
//
//go:noescape
func dotRows32AVX2(x, rows []float32, out []float64)

// dotRows64AVX2 is dotRows64 for k a multiple of 8 and out not empty.
//
//go:noescape
func dotRows64AVX2(x, rows, out []float64)
