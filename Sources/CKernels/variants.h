// The kernel variants behind the `ck_kernels` tables (not part of the public header). Each SIMD variant is compiled
// for its instruction set with a per-function target attribute, so one binary holds them all; `dispatch.c` picks
// the ones the CPU runs.
#ifndef CK_VARIANTS_H
#define CK_VARIANTS_H
#include "CKernels.h"

#define CK_HIDDEN __attribute__((visibility("hidden")))

#define CK_MATMUL_X8_ARGS int kind, const void *w, int64_t rows, int64_t cols, const ck_act *x, float *y, \
    int64_t ldy, int64_t row_begin, int64_t row_end
#define CK_MATMUL_F32_ARGS const float *w, int64_t cols, const float *x, int64_t nv, float *y, int64_t ldy, \
    int64_t row_begin, int64_t row_end
#define CK_ATTENTION_ARGS const float *q, int g, const void *k, const void *v, int64_t n, int head_dim, \
    int64_t stride, float scale, int f16, float *scratch, float *o, float *m, float *l

CK_HIDDEN void ck_matmul_x8_avx2(CK_MATMUL_X8_ARGS);
CK_HIDDEN void ck_matmul_x8_avx512vnni(CK_MATMUL_X8_ARGS);
CK_HIDDEN void ck_matmul_f32_avx2(CK_MATMUL_F32_ARGS);
CK_HIDDEN void ck_matmul_f32_avx512(CK_MATMUL_F32_ARGS);
CK_HIDDEN void ck_attention_block_avx2(CK_ATTENTION_ARGS);
CK_HIDDEN void ck_attention_block_avx512(CK_ATTENTION_ARGS);
CK_HIDDEN void ck_quantize_act_avx2(const float *x, int64_t n, int8_t *q, float *d, float *s);
CK_HIDDEN void ck_rmsnorm_avx2(const float *x, const float *w, int64_t n, float eps, float *out);
CK_HIDDEN void ck_silu_mul_avx2(float *a, const float *b, int64_t n);
CK_HIDDEN void ck_to_fp16_f16c(const float *x, uint16_t *out, int64_t n);
#endif
