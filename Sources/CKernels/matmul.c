// Matrix × (several) vector products on the repacked q4x8 / q8x8 layouts: a portable scalar version and an AVX2
// version (the AVX-512 VNNI one is in matmul_vnni.c; `dispatch.c` picks one per kernel set).
#include "variants.h"
#include <string.h>
#if defined(__x86_64__) || defined(__i386__)
#include <immintrin.h>
#define CK_X86 1
#endif

static void store_rows(const float *acc, float *y, int64_t row0, int64_t row_begin, int64_t row_end) {
    for (int r = 0; r < 8; ++r) {
        int64_t row = row0 + r;
        if (row >= row_begin && row < row_end) y[row] = acc[r];
    }
}

static float half_at(const uint8_t *p) { return ck_fp16_to_fp32((uint16_t)(p[0] | (p[1] << 8))); }

void ck_matmul_x8_scalar(int kind, const void *w, int64_t rows, int64_t cols, const ck_act *x, float *y,
                         int64_t ldy, int64_t row_begin, int64_t row_end) {
    const uint8_t *W = (const uint8_t *)w;
    int64_t nb = cols / 32;
    if (row_end > rows) row_end = rows;
    size_t bsize = kind == 0 ? CK_Q4X8_BLOCK : CK_Q8X8_BLOCK;
    for (int64_t g = row_begin / 8; g * 8 < row_end; ++g) {
        for (int64_t v = 0; v < x->nv; ++v) {
            const int8_t *xq = x->q + v * cols;
            const float *xd = x->d + v * nb, *xs = x->s + v * nb;
            float acc[8] = {0};
            for (int64_t b = 0; b < nb; ++b) {
                const uint8_t *blk = W + (g * nb + b) * bsize;
                const int8_t *xb = xq + b * 32;
                for (int r = 0; r < 8; ++r) {
                    int32_t isum = 0;
                    if (kind == 0) {
                        for (int i = 0; i < 4; ++i)
                            for (int t = 0; t < 4; ++t) {
                                uint8_t byte = blk[i * 32 + r * 4 + t];
                                isum += (byte & 15) * xb[4 * i + t] + (byte >> 4) * xb[16 + 4 * i + t];
                            }
                        float d = half_at(blk + 128 + 2 * r), m = half_at(blk + 144 + 2 * r);
                        acc[r] += (float)isum * (d * xd[b]) + m * xs[b];
                    } else {
                        for (int i = 0; i < 8; ++i)
                            for (int t = 0; t < 4; ++t) isum += (int8_t)blk[i * 32 + r * 4 + t] * xb[4 * i + t];
                        float d = half_at(blk + 256 + 2 * r);
                        acc[r] += (float)isum * (d * xd[b]);
                    }
                }
            }
            store_rows(acc, y + v * ldy, g * 8, row_begin, row_end);
        }
    }
}

#ifdef CK_X86
#define NV_CHUNK 16
// How far ahead the kernels prefetch weights (bytes); measured on the AVX2 EPYC host: 1024 beats 512, 2048, 4096.
#ifndef PREFETCH_BYTES
#define PREFETCH_BYTES 1024
#endif

__attribute__((target("avx2,fma,f16c")))
static void matmul_q4x8_avx2(const uint8_t *W, int64_t cols, const ck_act *x, float *y, int64_t ldy,
                             int64_t row_begin, int64_t row_end) {
    int64_t nb = cols / 32;
    const __m256i m4 = _mm256_set1_epi8(0x0F);
    const __m256i ones = _mm256_set1_epi16(1);
    for (int64_t v0 = 0; v0 < x->nv; v0 += NV_CHUNK) {
        int64_t nv = x->nv - v0 < NV_CHUNK ? x->nv - v0 : NV_CHUNK;
        for (int64_t g = row_begin / 8; g * 8 < row_end; ++g) {
            __m256 acc[NV_CHUNK];
            for (int v = 0; v < nv; ++v) acc[v] = _mm256_setzero_ps();
            const uint8_t *blk = W + g * nb * CK_Q4X8_BLOCK;
            for (int64_t b = 0; b < nb; ++b, blk += CK_Q4X8_BLOCK) {
                // The weights stream from memory once per token: ask for them a few blocks ahead (+15% decode).
                _mm_prefetch((const char *)(blk + PREFETCH_BYTES), _MM_HINT_T0);
                _mm_prefetch((const char *)(blk + PREFETCH_BYTES + 64), _MM_HINT_T0);
                _mm_prefetch((const char *)(blk + PREFETCH_BYTES + 128), _MM_HINT_T0);
                __m256i w0 = _mm256_loadu_si256((const __m256i *)(blk + 0));
                __m256i w1 = _mm256_loadu_si256((const __m256i *)(blk + 32));
                __m256i w2 = _mm256_loadu_si256((const __m256i *)(blk + 64));
                __m256i w3 = _mm256_loadu_si256((const __m256i *)(blk + 96));
                __m256i l0 = _mm256_and_si256(w0, m4), h0 = _mm256_and_si256(_mm256_srli_epi16(w0, 4), m4);
                __m256i l1 = _mm256_and_si256(w1, m4), h1 = _mm256_and_si256(_mm256_srli_epi16(w1, 4), m4);
                __m256i l2 = _mm256_and_si256(w2, m4), h2 = _mm256_and_si256(_mm256_srli_epi16(w2, 4), m4);
                __m256i l3 = _mm256_and_si256(w3, m4), h3 = _mm256_and_si256(_mm256_srli_epi16(w3, 4), m4);
                __m256 d = _mm256_cvtph_ps(_mm_loadu_si128((const __m128i *)(blk + 128)));
                __m256 m = _mm256_cvtph_ps(_mm_loadu_si128((const __m128i *)(blk + 144)));
                for (int v = 0; v < nv; ++v) {
                    const int32_t *xw = (const int32_t *)(x->q + (v0 + v) * cols + b * 32);
                    // Summed as a tree (int16 sums are exact here: at most 8 · 2 · 15 · 127 < 2^15), for shorter chains.
                    __m256i s0 = _mm256_add_epi16(_mm256_maddubs_epi16(l0, _mm256_set1_epi32(xw[0])), _mm256_maddubs_epi16(l1, _mm256_set1_epi32(xw[1])));
                    __m256i s1 = _mm256_add_epi16(_mm256_maddubs_epi16(l2, _mm256_set1_epi32(xw[2])), _mm256_maddubs_epi16(l3, _mm256_set1_epi32(xw[3])));
                    __m256i s2 = _mm256_add_epi16(_mm256_maddubs_epi16(h0, _mm256_set1_epi32(xw[4])), _mm256_maddubs_epi16(h1, _mm256_set1_epi32(xw[5])));
                    __m256i s3 = _mm256_add_epi16(_mm256_maddubs_epi16(h2, _mm256_set1_epi32(xw[6])), _mm256_maddubs_epi16(h3, _mm256_set1_epi32(xw[7])));
                    __m256i s = _mm256_add_epi16(_mm256_add_epi16(s0, s1), _mm256_add_epi16(s2, s3));
                    __m256 f = _mm256_cvtepi32_ps(_mm256_madd_epi16(s, ones));
                    float xd = x->d[(v0 + v) * nb + b], xs = x->s[(v0 + v) * nb + b];
                    acc[v] = _mm256_fmadd_ps(f, _mm256_mul_ps(d, _mm256_set1_ps(xd)), acc[v]);
                    acc[v] = _mm256_fmadd_ps(m, _mm256_set1_ps(xs), acc[v]);
                }
            }
            for (int v = 0; v < nv; ++v) {
                float out[8];
                _mm256_storeu_ps(out, acc[v]);
                store_rows(out, y + (v0 + v) * ldy, g * 8, row_begin, row_end);
            }
        }
    }
}

__attribute__((target("avx2,fma,f16c")))
static void matmul_q8x8_avx2(const uint8_t *W, int64_t cols, const ck_act *x, float *y, int64_t ldy,
                             int64_t row_begin, int64_t row_end) {
    int64_t nb = cols / 32;
    const __m256i ones = _mm256_set1_epi16(1);
    for (int64_t v0 = 0; v0 < x->nv; v0 += NV_CHUNK) {
        int64_t nv = x->nv - v0 < NV_CHUNK ? x->nv - v0 : NV_CHUNK;
        for (int64_t g = row_begin / 8; g * 8 < row_end; ++g) {
            __m256 acc[NV_CHUNK];
            for (int v = 0; v < nv; ++v) acc[v] = _mm256_setzero_ps();
            const uint8_t *blk = W + g * nb * CK_Q8X8_BLOCK;
            for (int64_t b = 0; b < nb; ++b, blk += CK_Q8X8_BLOCK) {
                for (int line = 0; line < CK_Q8X8_BLOCK; line += 64) _mm_prefetch((const char *)(blk + PREFETCH_BYTES + line), _MM_HINT_T0);
                __m256i wv[8], wa[8];
                for (int i = 0; i < 8; ++i) {
                    wv[i] = _mm256_loadu_si256((const __m256i *)(blk + 32 * i));
                    wa[i] = _mm256_abs_epi8(wv[i]);
                }
                __m256 d = _mm256_cvtph_ps(_mm_loadu_si128((const __m128i *)(blk + 256)));
                for (int v = 0; v < nv; ++v) {
                    const int32_t *xw = (const int32_t *)(x->q + (v0 + v) * cols + b * 32);
                    __m256i s = _mm256_setzero_si256();
                    for (int i = 0; i < 8; ++i) {
                        __m256i xs = _mm256_sign_epi8(_mm256_set1_epi32(xw[i]), wv[i]);
                        s = _mm256_add_epi32(s, _mm256_madd_epi16(_mm256_maddubs_epi16(wa[i], xs), ones));
                    }
                    float xd = x->d[(v0 + v) * nb + b];
                    acc[v] = _mm256_fmadd_ps(_mm256_cvtepi32_ps(s), _mm256_mul_ps(d, _mm256_set1_ps(xd)), acc[v]);
                }
            }
            for (int v = 0; v < nv; ++v) {
                float out[8];
                _mm256_storeu_ps(out, acc[v]);
                store_rows(out, y + (v0 + v) * ldy, g * 8, row_begin, row_end);
            }
        }
    }
}
#endif

#ifdef CK_X86
void ck_matmul_x8_avx2(int kind, const void *w, int64_t rows, int64_t cols, const ck_act *x, float *y, int64_t ldy,
                       int64_t row_begin, int64_t row_end) {
    if (row_end > rows) row_end = rows;
    if (kind == 0) matmul_q4x8_avx2((const uint8_t *)w, cols, x, y, ldy, row_begin, row_end);
    else matmul_q8x8_avx2((const uint8_t *)w, cols, x, y, ldy, row_begin, row_end);
}
#endif
