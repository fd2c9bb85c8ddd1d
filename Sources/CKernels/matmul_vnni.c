// The int8 matmuls with AVX-512 VNNI on the repacked q4x8 / q8x8 layouts (repack.c). One zmm holds two 32-byte
// chunks of a block: lanes 0–7 are the 8 rows' 4 weights of column group i, lanes 8–15 those of group i + 1, so the
// activations are laid out to match (group i's 4 bytes in the low half, group i + 1's in the high half) and one
// `vpdpbusd` does 64 multiply-adds. Its first operand is unsigned: Q4_1 nibbles are unsigned already; Q8_0 weights
// are made unsigned by adding 128 (xor 0x80), and 128·Σx is taken off again with the block sum of the quantized
// activations (`s` = d·Σq, which `ck_quantize_act` stores for the Q4_1 min term anyway).
#include "variants.h"
#if defined(__x86_64__) || defined(__i386__)
#include <immintrin.h>
#include <pthread.h>
#include <stdlib.h>

#define VNNI_TARGET __attribute__((target("avx512f,avx512bw,avx512vl,avx512vnni,avx2,fma,f16c")))
// Vectors per pass over the weights: 8 accumulators plus the weights and index vectors fit the 32 zmm registers.
#define VNNI_NV 8
#ifndef PREFETCH_BYTES
#define PREFETCH_BYTES 1024
#endif

/// The 8 f32 values duplicated into both halves of a zmm.
VNNI_TARGET static inline __m512 both_halves(__m256 a) {
    __m512 z = _mm512_castps256_ps512(a);
    return _mm512_shuffle_f32x4(z, z, 0x44);
}

/// The 8 lanes of the low half plus the 8 of the high half.
VNNI_TARGET static inline __m256 fold_halves(__m512 a) {
    return _mm256_add_ps(_mm512_castps512_ps256(a), _mm256_castpd_ps(_mm512_extractf64x4_pd(_mm512_castps_pd(a), 1)));
}

VNNI_TARGET static inline void store8(__m512 acc, float *y, int64_t row0, int64_t row_begin, int64_t row_end) {
    float out[8];
    _mm256_storeu_ps(out, fold_halves(acc));
    for (int r = 0; r < 8; ++r) {
        int64_t row = row0 + r;
        if (row >= row_begin && row < row_end) y[row] = out[r];
    }
}

#define PAIR_INDEX(a, b) _mm512_setr_epi32(a, a, a, a, a, a, a, a, b, b, b, b, b, b, b, b)

/// The activations of one pass (up to VNNI_NV vectors) spread for the kernels: per vector and block, four zmm where
/// zmm p holds column group 2p in the low half and 2p + 1 in the high half. Spreading once per call instead of once
/// per row group takes the four permutes out of the inner loop (prefill and batched decoding ran 5% slower than AVX2
/// with them inside). The buffer is the calling thread's, grown as needed and freed when the thread ends.
static pthread_key_t spread_key;
static pthread_once_t spread_once = PTHREAD_ONCE_INIT;
typedef struct { size_t capacity; __m512i *data; } spread_buffer;
static void spread_free(void *p) {
    spread_buffer *b = p;
    free(b->data);
    free(b);
}
static void spread_init(void) { pthread_key_create(&spread_key, spread_free); }

/// The calling thread's buffer of at least `count` zmm, or NULL when memory is short (the caller then spreads in
/// the loop).
static __m512i *spread_storage(size_t count) {
    pthread_once(&spread_once, spread_init);
    spread_buffer *b = pthread_getspecific(spread_key);
    if (b == NULL) {
        b = calloc(1, sizeof *b);
        if (b == NULL || pthread_setspecific(spread_key, b) != 0) { free(b); return NULL; }
    }
    if (b->capacity < count) {
        void *p = aligned_alloc(64, count * 64);
        if (p == NULL) return NULL;
        free(b->data);
        b->data = p;
        b->capacity = count;
    }
    return b->data;
}

VNNI_TARGET static void spread(const ck_act *x, int64_t cols, int64_t v0, int nv, __m512i *out) {
    const int64_t nb = cols / 32;
    const __m512i i01 = PAIR_INDEX(0, 1), i23 = PAIR_INDEX(2, 3), i45 = PAIR_INDEX(4, 5), i67 = PAIR_INDEX(6, 7);
    for (int v = 0; v < nv; ++v)
        for (int64_t b = 0; b < nb; ++b) {
            __m512i raw = _mm512_castsi256_si512(_mm256_loadu_si256((const __m256i *)(x->q + (v0 + v) * cols + b * 32)));
            __m512i *o = out + (v * nb + b) * 4;
            o[0] = _mm512_permutexvar_epi32(i01, raw); o[1] = _mm512_permutexvar_epi32(i23, raw);
            o[2] = _mm512_permutexvar_epi32(i45, raw); o[3] = _mm512_permutexvar_epi32(i67, raw);
        }
}

/// acc[v] += d·d_x·(w·x_v) + term·s_x for the vectors of this pass and one block, where the four weight vectors w0…w3
/// pair with the spread activations' four zmm and `term` is the per-row constant that multiplies the activation
/// block sum (the Q4_1 min, or Q8_0's −128·d).
VNNI_TARGET static inline void accumulate(__m512 *acc, int nv, int64_t v0, const ck_act *x, int64_t cols, int64_t b,
                                          const __m512i *spreads, __m512i w0, __m512i w1, __m512i w2, __m512i w3,
                                          __m512 d, __m512 term) {
    const int64_t nb = cols / 32;
    for (int v = 0; v < nv; ++v) {
        const int64_t vi = v0 + v;
        const __m512i *a = spreads + (v * nb + b) * 4;
        __m512i s = _mm512_dpbusd_epi32(_mm512_setzero_si512(), w0, a[0]);
        __m512i t = _mm512_dpbusd_epi32(_mm512_setzero_si512(), w2, a[2]);
        s = _mm512_dpbusd_epi32(s, w1, a[1]);
        t = _mm512_dpbusd_epi32(t, w3, a[3]);
        __m512 f = _mm512_cvtepi32_ps(_mm512_add_epi32(s, t));
        acc[v] = _mm512_fmadd_ps(f, _mm512_mul_ps(d, _mm512_set1_ps(x->d[vi * nb + b])), acc[v]);
        acc[v] = _mm512_fmadd_ps(term, _mm512_set1_ps(x->s[vi * nb + b]), acc[v]);
    }
}

VNNI_TARGET static void q4x8_vnni(const uint8_t *W, int64_t cols, const ck_act *x, float *y, int64_t ldy,
                                  int64_t row_begin, int64_t row_end, __m512i *spreads) {
    const int64_t nb = cols / 32;
    const __m512i m4 = _mm512_set1_epi8(0x0F);
    for (int64_t v0 = 0; v0 < x->nv; v0 += VNNI_NV) {
        const int nv = x->nv - v0 < VNNI_NV ? (int)(x->nv - v0) : VNNI_NV;
        spread(x, cols, v0, nv, spreads);
        for (int64_t g = row_begin / 8; g * 8 < row_end; ++g) {
            __m512 acc[VNNI_NV];
            for (int v = 0; v < nv; ++v) acc[v] = _mm512_setzero_ps();
            const uint8_t *blk = W + g * nb * CK_Q4X8_BLOCK;
            for (int64_t b = 0; b < nb; ++b, blk += CK_Q4X8_BLOCK) {
                _mm_prefetch((const char *)(blk + PREFETCH_BYTES), _MM_HINT_T0);
                _mm_prefetch((const char *)(blk + PREFETCH_BYTES + 64), _MM_HINT_T0);
                _mm_prefetch((const char *)(blk + PREFETCH_BYTES + 128), _MM_HINT_T0);
                __m512i w0 = _mm512_loadu_si512((const void *)blk), w1 = _mm512_loadu_si512((const void *)(blk + 64));
                // Low nibbles: columns 4i..4i+3 of chunk i; high nibbles: columns 16+4i..16+4i+3.
                __m512i l0 = _mm512_and_si512(w0, m4), l1 = _mm512_and_si512(w1, m4);
                __m512i h0 = _mm512_and_si512(_mm512_srli_epi16(w0, 4), m4), h1 = _mm512_and_si512(_mm512_srli_epi16(w1, 4), m4);
                __m512 d = both_halves(_mm256_cvtph_ps(_mm_loadu_si128((const __m128i *)(blk + 128))));
                // The min term once per row: only in the low half, since the halves are added at the end.
                __m512 m = _mm512_maskz_mov_ps(0x00FF, _mm512_castps256_ps512(_mm256_cvtph_ps(_mm_loadu_si128((const __m128i *)(blk + 144)))));
                accumulate(acc, nv, v0, x, cols, b, spreads, l0, l1, h0, h1, d, m);
            }
            for (int v = 0; v < nv; ++v) store8(acc[v], y + (v0 + v) * ldy, g * 8, row_begin, row_end);
        }
    }
}

VNNI_TARGET static void q8x8_vnni(const uint8_t *W, int64_t cols, const ck_act *x, float *y, int64_t ldy,
                                  int64_t row_begin, int64_t row_end, __m512i *spreads) {
    const int64_t nb = cols / 32;
    const __m512i bias = _mm512_set1_epi8((char)0x80);
    for (int64_t v0 = 0; v0 < x->nv; v0 += VNNI_NV) {
        const int nv = x->nv - v0 < VNNI_NV ? (int)(x->nv - v0) : VNNI_NV;
        spread(x, cols, v0, nv, spreads);
        for (int64_t g = row_begin / 8; g * 8 < row_end; ++g) {
            __m512 acc[VNNI_NV];
            for (int v = 0; v < nv; ++v) acc[v] = _mm512_setzero_ps();
            const uint8_t *blk = W + g * nb * CK_Q8X8_BLOCK;
            for (int64_t b = 0; b < nb; ++b, blk += CK_Q8X8_BLOCK) {
                for (int line = 0; line < CK_Q8X8_BLOCK; line += 64) _mm_prefetch((const char *)(blk + PREFETCH_BYTES + line), _MM_HINT_T0);
                // w + 128 as an unsigned byte (xor flips the sign bit).
                __m512i u0 = _mm512_xor_si512(_mm512_loadu_si512((const void *)blk), bias);
                __m512i u1 = _mm512_xor_si512(_mm512_loadu_si512((const void *)(blk + 64)), bias);
                __m512i u2 = _mm512_xor_si512(_mm512_loadu_si512((const void *)(blk + 128)), bias);
                __m512i u3 = _mm512_xor_si512(_mm512_loadu_si512((const void *)(blk + 192)), bias);
                __m256 d8 = _mm256_cvtph_ps(_mm_loadu_si128((const __m128i *)(blk + 256)));
                __m512 d = both_halves(d8);
                // −128·d_w per row (low half only): times s = d_x·Σq it removes the bias's 128·Σq.
                __m512 corr = _mm512_maskz_mov_ps(0x00FF, _mm512_castps256_ps512(_mm256_mul_ps(d8, _mm256_set1_ps(-128.0f))));
                accumulate(acc, nv, v0, x, cols, b, spreads, u0, u1, u2, u3, d, corr);
            }
            for (int v = 0; v < nv; ++v) store8(acc[v], y + (v0 + v) * ldy, g * 8, row_begin, row_end);
        }
    }
}

void ck_matmul_x8_avx512vnni(int kind, const void *w, int64_t rows, int64_t cols, const ck_act *x, float *y, int64_t ldy,
                             int64_t row_begin, int64_t row_end) {
    if (row_end > rows) row_end = rows;
    __m512i *spreads = spread_storage((size_t)VNNI_NV * (size_t)(cols / 32) * 4);
    if (spreads == NULL) {  // out of memory: the AVX2 kernel needs no buffer
        ck_matmul_x8_avx2(kind, w, rows, cols, x, y, ldy, row_begin, row_end);
        return;
    }
    if (kind == 0) q4x8_vnni((const uint8_t *)w, cols, x, y, ldy, row_begin, row_end, spreads);
    else q8x8_vnni((const uint8_t *)w, cols, x, y, ldy, row_begin, row_end, spreads);
}
#endif
