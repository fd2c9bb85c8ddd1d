// f32 weight matrix × several f32 vectors (the f32 reference path and Hugging Face checkpoints held in f32).
// Each weight row is read once per group of four vectors, so a prefill batch streams the weights once per four
// tokens instead of once per token; AVX2/FMA with eight float lanes when the CPU has them, scalar otherwise.
#include "variants.h"
#include "simd_x86.h"

void ck_matmul_f32_scalar(const float *w, int64_t cols, const float *x, int64_t nv, float *y, int64_t ldy,
                          int64_t row_begin, int64_t row_end) {
    for (int64_t r = row_begin; r < row_end; ++r) {
        const float *row = w + r * cols;
        for (int64_t v = 0; v < nv; ++v) {
            const float *xv = x + v * cols;
            float sum = 0;
            for (int64_t j = 0; j < cols; ++j) sum += row[j] * xv[j];
            y[v * ldy + r] = sum;
        }
    }
}

#ifdef CK_X86
__attribute__((target("avx2,fma")))
static void matmul_f32_rows(const float *w, int64_t cols, const float *x, int64_t nv, float *y, int64_t ldy,
                            int64_t row_begin, int64_t row_end);

__attribute__((target("avx2,fma")))
void ck_matmul_f32_avx2(const float *w, int64_t cols, const float *x, int64_t nv, float *y, int64_t ldy,
                            int64_t row_begin, int64_t row_end) {
    const int64_t body = cols & ~(int64_t)7;
    int64_t r = row_begin;
    // Two rows × four vectors per pass: 6 loads per 8 FMAs instead of 5 per 4. Each (row, vector) sum runs over
    // the columns in the same order as in the one-row loop below, so the results are the same.
    for (; r + 2 <= row_end && cols % 8 == 0; r += 2) {
        const float *w0 = w + r * cols, *w1 = w0 + cols;
        int64_t v = 0;
        for (; v + 4 <= nv; v += 4) {
            const float *x0 = x + v * cols, *x1 = x0 + cols, *x2 = x1 + cols, *x3 = x2 + cols;
            __m256 a0 = _mm256_setzero_ps(), a1 = _mm256_setzero_ps(), a2 = _mm256_setzero_ps(), a3 = _mm256_setzero_ps();
            __m256 b0 = _mm256_setzero_ps(), b1 = _mm256_setzero_ps(), b2 = _mm256_setzero_ps(), b3 = _mm256_setzero_ps();
            for (int64_t j = 0; j < cols; j += 8) {
                __m256 p = _mm256_loadu_ps(w0 + j), q = _mm256_loadu_ps(w1 + j);
                __m256 y0 = _mm256_loadu_ps(x0 + j), y1 = _mm256_loadu_ps(x1 + j);
                a0 = _mm256_fmadd_ps(p, y0, a0); b0 = _mm256_fmadd_ps(q, y0, b0);
                a1 = _mm256_fmadd_ps(p, y1, a1); b1 = _mm256_fmadd_ps(q, y1, b1);
                __m256 y2 = _mm256_loadu_ps(x2 + j), y3 = _mm256_loadu_ps(x3 + j);
                a2 = _mm256_fmadd_ps(p, y2, a2); b2 = _mm256_fmadd_ps(q, y2, b2);
                a3 = _mm256_fmadd_ps(p, y3, a3); b3 = _mm256_fmadd_ps(q, y3, b3);
            }
            y[v * ldy + r] = hsum8(a0); y[(v + 1) * ldy + r] = hsum8(a1);
            y[(v + 2) * ldy + r] = hsum8(a2); y[(v + 3) * ldy + r] = hsum8(a3);
            y[v * ldy + r + 1] = hsum8(b0); y[(v + 1) * ldy + r + 1] = hsum8(b1);
            y[(v + 2) * ldy + r + 1] = hsum8(b2); y[(v + 3) * ldy + r + 1] = hsum8(b3);
        }
        if (v < nv) {
            matmul_f32_rows(w, cols, x + v * cols, nv - v, y + v * ldy, ldy, r, r + 2);
        }
    }
    matmul_f32_rows(w, cols, x, nv, y, ldy, r, row_end);
}

/// One row at a time, four vectors per pass (and the vectors left over one by one).
__attribute__((target("avx2,fma")))
static void matmul_f32_rows(const float *w, int64_t cols, const float *x, int64_t nv, float *y, int64_t ldy,
                            int64_t row_begin, int64_t row_end) {
    const int64_t body = cols & ~(int64_t)7;
    for (int64_t r = row_begin; r < row_end; ++r) {
        const float *row = w + r * cols;
        int64_t v = 0;
        for (; v + 4 <= nv; v += 4) {
            const float *x0 = x + v * cols, *x1 = x0 + cols, *x2 = x1 + cols, *x3 = x2 + cols;
            __m256 a0 = _mm256_setzero_ps(), a1 = _mm256_setzero_ps(), a2 = _mm256_setzero_ps(), a3 = _mm256_setzero_ps();
            for (int64_t j = 0; j < body; j += 8) {
                __m256 wr = _mm256_loadu_ps(row + j);
                a0 = _mm256_fmadd_ps(wr, _mm256_loadu_ps(x0 + j), a0);
                a1 = _mm256_fmadd_ps(wr, _mm256_loadu_ps(x1 + j), a1);
                a2 = _mm256_fmadd_ps(wr, _mm256_loadu_ps(x2 + j), a2);
                a3 = _mm256_fmadd_ps(wr, _mm256_loadu_ps(x3 + j), a3);
            }
            float s0 = hsum8(a0), s1 = hsum8(a1), s2 = hsum8(a2), s3 = hsum8(a3);
            for (int64_t j = body; j < cols; ++j) {
                s0 += row[j] * x0[j]; s1 += row[j] * x1[j]; s2 += row[j] * x2[j]; s3 += row[j] * x3[j];
            }
            y[v * ldy + r] = s0; y[(v + 1) * ldy + r] = s1; y[(v + 2) * ldy + r] = s2; y[(v + 3) * ldy + r] = s3;
        }
        for (; v < nv; ++v) {
            const float *xv = x + v * cols;
            __m256 a = _mm256_setzero_ps();
            for (int64_t j = 0; j < body; j += 8) a = _mm256_fmadd_ps(_mm256_loadu_ps(row + j), _mm256_loadu_ps(xv + j), a);
            float s = hsum8(a);
            for (int64_t j = body; j < cols; ++j) s += row[j] * xv[j];
            y[v * ldy + r] = s;
        }
    }
}
#endif

#ifdef CK_X86
#define AVX512_TARGET __attribute__((target("avx512f,avx512vl,avx2,fma")))
/// The AVX-512 variant: two rows × four vectors per pass on 16 lanes (rows whose width is not a multiple of 16, and
/// the vectors and rows left over, go through the AVX2 loops).
AVX512_TARGET
void ck_matmul_f32_avx512(const float *w, int64_t cols, const float *x, int64_t nv, float *y, int64_t ldy,
                          int64_t row_begin, int64_t row_end) {
    if (cols % 16 != 0) {
        ck_matmul_f32_avx2(w, cols, x, nv, y, ldy, row_begin, row_end);
        return;
    }
    int64_t r = row_begin;
    for (; r + 2 <= row_end; r += 2) {
        const float *w0 = w + r * cols, *w1 = w0 + cols;
        int64_t v = 0;
        for (; v + 4 <= nv; v += 4) {
            const float *x0 = x + v * cols, *x1 = x0 + cols, *x2 = x1 + cols, *x3 = x2 + cols;
            __m512 a0 = _mm512_setzero_ps(), a1 = _mm512_setzero_ps(), a2 = _mm512_setzero_ps(), a3 = _mm512_setzero_ps();
            __m512 b0 = _mm512_setzero_ps(), b1 = _mm512_setzero_ps(), b2 = _mm512_setzero_ps(), b3 = _mm512_setzero_ps();
            for (int64_t j = 0; j < cols; j += 16) {
                __m512 p = _mm512_loadu_ps(w0 + j), q = _mm512_loadu_ps(w1 + j);
                __m512 y0 = _mm512_loadu_ps(x0 + j), y1 = _mm512_loadu_ps(x1 + j);
                a0 = _mm512_fmadd_ps(p, y0, a0); b0 = _mm512_fmadd_ps(q, y0, b0);
                a1 = _mm512_fmadd_ps(p, y1, a1); b1 = _mm512_fmadd_ps(q, y1, b1);
                __m512 y2 = _mm512_loadu_ps(x2 + j), y3 = _mm512_loadu_ps(x3 + j);
                a2 = _mm512_fmadd_ps(p, y2, a2); b2 = _mm512_fmadd_ps(q, y2, b2);
                a3 = _mm512_fmadd_ps(p, y3, a3); b3 = _mm512_fmadd_ps(q, y3, b3);
            }
            y[v * ldy + r] = _mm512_reduce_add_ps(a0); y[(v + 1) * ldy + r] = _mm512_reduce_add_ps(a1);
            y[(v + 2) * ldy + r] = _mm512_reduce_add_ps(a2); y[(v + 3) * ldy + r] = _mm512_reduce_add_ps(a3);
            y[v * ldy + r + 1] = _mm512_reduce_add_ps(b0); y[(v + 1) * ldy + r + 1] = _mm512_reduce_add_ps(b1);
            y[(v + 2) * ldy + r + 1] = _mm512_reduce_add_ps(b2); y[(v + 3) * ldy + r + 1] = _mm512_reduce_add_ps(b3);
        }
        if (v < nv) matmul_f32_rows(w, cols, x + v * cols, nv - v, y + v * ldy, ldy, r, r + 2);
    }
    matmul_f32_rows(w, cols, x, nv, y, ldy, r, row_end);
}
#endif
