#include "textflag.h"

// func rankOneSumAVX2(out, v, fixed []float64, items []int32, a, b float64)
// For each i in items: y = fixed[i*k:(i+1)*k], k = len(v);
// out += (a + b*(y·v)) * y. k is a multiple of 8, items not empty.
TEXT ·rankOneSumAVX2(SB), NOSPLIT, $0-112
	MOVQ out_base+0(FP), DI
	MOVQ v_base+24(FP), SI
	MOVQ v_len+32(FP), R10
	SHLQ $3, R10                  // a row's bytes: k*8
	MOVQ fixed_base+48(FP), DX
	MOVQ items_base+72(FP), R8
	MOVQ items_len+80(FP), R9
	VBROADCASTSD a+96(FP), Y14
	VBROADCASTSD b+104(FP), Y15

item:
	MOVLQSX (R8), AX
	IMULQ R10, AX
	LEAQ (DX)(AX*1), BX           // y
	VXORPD Y0, Y0, Y0
	VXORPD Y1, Y1, Y1
	XORQ R11, R11

dot:
	VMOVUPD (BX)(R11*1), Y2
	VMOVUPD 32(BX)(R11*1), Y3
	VFMADD231PD (SI)(R11*1), Y2, Y0
	VFMADD231PD 32(SI)(R11*1), Y3, Y1
	ADDQ $64, R11
	CMPQ R11, R10
	JLT dot

	VADDPD Y1, Y0, Y0
	VEXTRACTF128 $1, Y0, X1
	VADDPD X1, X0, X0
	VHADDPD X0, X0, X0
	VBROADCASTSD X0, Y0
	VFMADD213PD Y14, Y15, Y0      // w = b*(y·v) + a
	XORQ R11, R11

axpy:
	VMOVUPD (DI)(R11*1), Y2
	VMOVUPD 32(DI)(R11*1), Y3
	VFMADD231PD (BX)(R11*1), Y0, Y2
	VFMADD231PD 32(BX)(R11*1), Y0, Y3
	VMOVUPD Y2, (DI)(R11*1)
	VMOVUPD Y3, 32(DI)(R11*1)
	ADDQ $64, R11
	CMPQ R11, R10
	JLT axpy

	ADDQ $4, R8
	DECQ R9
	JNZ item
	VZEROUPPER
	RET

// func dotRows32AVX2(x, rows []float32, out []float64)
// out[i] = x · rows[i*k:(i+1)*k], k = len(x) a multiple of 16, out not
// empty.
TEXT ·dotRows32AVX2(SB), NOSPLIT, $0-72
	MOVQ x_base+0(FP), SI
	MOVQ x_len+8(FP), R10
	SHLQ $2, R10                  // a row's bytes: k*4
	MOVQ rows_base+24(FP), BX
	MOVQ out_base+48(FP), DI
	MOVQ out_len+56(FP), R9

row:
	VXORPS Y0, Y0, Y0
	VXORPS Y1, Y1, Y1
	XORQ R11, R11

dot32:
	VMOVUPS (BX)(R11*1), Y2
	VMOVUPS 32(BX)(R11*1), Y3
	VFMADD231PS (SI)(R11*1), Y2, Y0
	VFMADD231PS 32(SI)(R11*1), Y3, Y1
	ADDQ $64, R11
	CMPQ R11, R10
	JLT dot32

	VADDPS Y1, Y0, Y0
	VEXTRACTF128 $1, Y0, X1
	VADDPS X1, X0, X0
	VHADDPS X0, X0, X0
	VHADDPS X0, X0, X0
	VCVTSS2SD X0, X0, X0
	MOVSD X0, (DI)
	ADDQ R10, BX
	ADDQ $8, DI
	DECQ R9
	JNZ row
	VZEROUPPER
	RET

// func dotRows64AVX2(x, rows, out []float64)
// out[i] = x · rows[i*k:(i+1)*k], k = len(x) a multiple of 8, out not
// empty.
TEXT ·dotRows64AVX2(SB), NOSPLIT, $0-72
	MOVQ x_base+0(FP), SI
	MOVQ x_len+8(FP), R10
	SHLQ $3, R10                  // a row's bytes: k*8
	MOVQ rows_base+24(FP), BX
	MOVQ out_base+48(FP), DI
	MOVQ out_len+56(FP), R9

row64:
	VXORPD Y0, Y0, Y0
	VXORPD Y1, Y1, Y1
	XORQ R11, R11

dot64:
	VMOVUPD (BX)(R11*1), Y2
	VMOVUPD 32(BX)(R11*1), Y3
	VFMADD231PD (SI)(R11*1), Y2, Y0
	VFMADD231PD 32(SI)(R11*1), Y3, Y1
	ADDQ $64, R11
	CMPQ R11, R10
	JLT dot64

	VADDPD Y1, Y0, Y0
	VEXTRACTF128 $1, Y0, X1
	VADDPD X1, X0, X0
	VHADDPD X0, X0, X0
	MOVSD X0, (DI)
	ADDQ R10, BX
	ADDQ $8, DI
	DECQ R9
	JNZ row64
	VZEROUPPER
	RET
