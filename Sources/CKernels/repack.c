// Activation quantization and the repacked weight layouts used by the matmul kernels (ENGINE-NOTES §3, §12).
//
// q4x8 (from Q4_1): per group of 8 rows and block of 32 columns, 160 bytes: 4 chunks of 32 bytes, chunk i holding
// for each row r the 4 GGUF bytes qs[4i..4i+3] (low nibbles = columns 4i..4i+3, high = 16+4i..16+4i+3), then
// the 8 rows' f16 scales d and their 8 f16 mins m, as the GGUF stores them (a decode step streams every weight
// byte once: f32 copies of the scales would be 20% more bytes for the same values).
// q8x8 (from Q8_0): per group and block, 272 bytes: 8 chunks of 32 bytes (chunk i = row r's qs[4i..4i+3]),
// then the 8 f16 scales.
#include "variants.h"
#include <math.h>
#include <string.h>
#if defined(__x86_64__) || defined(__i386__)
#include <immintrin.h>
#define CK_X86 1
#endif

#ifdef CK_X86
// The same quantization with AVX2: max of |x|, x * (1/scale) rounded to nearest even (as lrintf in the default
// rounding mode), so the results are bit for bit those of the scalar loop.
__attribute__((target("avx2,fma")))
void ck_quantize_act_avx2(const float *x, int64_t n, int8_t *q, float *d, float *s) {
    const __m256 sign = _mm256_set1_ps(-0.0f);
    for (int64_t b = 0; b < n / 32; ++b) {
        const float *xb = x + b * 32;
        __m256 v0 = _mm256_loadu_ps(xb), v1 = _mm256_loadu_ps(xb + 8);
        __m256 v2 = _mm256_loadu_ps(xb + 16), v3 = _mm256_loadu_ps(xb + 24);
        __m256 m = _mm256_max_ps(_mm256_max_ps(_mm256_andnot_ps(sign, v0), _mm256_andnot_ps(sign, v1)),
                                 _mm256_max_ps(_mm256_andnot_ps(sign, v2), _mm256_andnot_ps(sign, v3)));
        __m128 h = _mm_max_ps(_mm256_castps256_ps128(m), _mm256_extractf128_ps(m, 1));
        h = _mm_max_ps(h, _mm_movehl_ps(h, h));
        h = _mm_max_ss(h, _mm_movehdup_ps(h));
        float amax = _mm_cvtss_f32(h);
        float scale = amax / 127.0f;
        float inv = scale > 0 ? 1.0f / scale : 0.0f;
        __m256 iv = _mm256_set1_ps(inv);
        __m256i i0 = _mm256_cvtps_epi32(_mm256_mul_ps(v0, iv)), i1 = _mm256_cvtps_epi32(_mm256_mul_ps(v1, iv));
        __m256i i2 = _mm256_cvtps_epi32(_mm256_mul_ps(v2, iv)), i3 = _mm256_cvtps_epi32(_mm256_mul_ps(v3, iv));
        __m256i sum = _mm256_add_epi32(_mm256_add_epi32(i0, i1), _mm256_add_epi32(i2, i3));
        __m128i s4 = _mm_add_epi32(_mm256_castsi256_si128(sum), _mm256_extracti128_si256(sum, 1));
        s4 = _mm_add_epi32(s4, _mm_shuffle_epi32(s4, 0x4E));
        s4 = _mm_add_epi32(s4, _mm_shuffle_epi32(s4, 0xB1));
        // Pack to int8 in order: packs interleave 128-bit lanes, the permute puts them back.
        __m256i p16a = _mm256_packs_epi32(i0, i1), p16b = _mm256_packs_epi32(i2, i3);
        __m256i p8 = _mm256_packs_epi16(p16a, p16b);
        p8 = _mm256_permutevar8x32_epi32(p8, _mm256_setr_epi32(0, 4, 1, 5, 2, 6, 3, 7));
        _mm256_storeu_si256((__m256i *)(q + b * 32), p8);
        d[b] = scale;
        s[b] = scale * (float)_mm_cvtsi128_si32(s4);
    }
}
#endif

void ck_quantize_act(const float *x, int64_t n, int8_t *q, float *d, float *s) {
    for (int64_t b = 0; b < n / 32; ++b) {
        const float *xb = x + b * 32;
        float amax = 0;
        for (int j = 0; j < 32; ++j) {
            float a = fabsf(xb[j]);
            if (a > amax) amax = a;
        }
        float scale = amax / 127.0f;
        float inv = scale > 0 ? 1.0f / scale : 0.0f;
        int32_t qsum = 0;
        for (int j = 0; j < 32; ++j) {
            q[b * 32 + j] = (int8_t)lrintf(xb[j] * inv);
            qsum += q[b * 32 + j];
        }
        d[b] = scale;
        // The sum of the *quantized* block (as llama.cpp's q8_1): with it a Q4_1 dot product is exactly
        // sum((d*q + m) * x_quantized), so the min term cancels with the rest. The exact sum of x would leave
        // the error sum((w - m) * (x_quantized - x)), several times larger since w - m never changes sign.
        s[b] = scale * (float)qsum;
    }
}

size_t ck_q4_1x8_size(int64_t rows, int64_t cols) {
    return (size_t)((rows + 7) / 8) * (size_t)(cols / 32) * CK_Q4X8_BLOCK;
}

size_t ck_q8_0x8_size(int64_t rows, int64_t cols) {
    return (size_t)((rows + 7) / 8) * (size_t)(cols / 32) * CK_Q8X8_BLOCK;
}

void ck_q4_1x8_repack(const void *src, int64_t rows, int64_t cols, void *dst) {
    const uint8_t *in = (const uint8_t *)src;
    uint8_t *out = (uint8_t *)dst;
    int64_t nb = cols / 32, groups = (rows + 7) / 8;
    memset(dst, 0, ck_q4_1x8_size(rows, cols));
    for (int64_t g = 0; g < groups; ++g) {
        for (int64_t b = 0; b < nb; ++b) {
            uint8_t *o = out + (g * nb + b) * CK_Q4X8_BLOCK;
            for (int r = 0; r < 8; ++r) {
                int64_t row = g * 8 + r;
                if (row >= rows) break;
                const uint8_t *blk = in + (row * nb + b) * 20;
                memcpy(o + 128 + 2 * r, blk, 2);
                memcpy(o + 144 + 2 * r, blk + 2, 2);
                for (int i = 0; i < 4; ++i) memcpy(o + i * 32 + r * 4, blk + 4 + i * 4, 4);
            }
        }
    }
}

void ck_q8_0x8_repack(const void *src, int64_t rows, int64_t cols, void *dst) {
    const uint8_t *in = (const uint8_t *)src;
    uint8_t *out = (uint8_t *)dst;
    int64_t nb = cols / 32, groups = (rows + 7) / 8;
    memset(dst, 0, ck_q8_0x8_size(rows, cols));
    for (int64_t g = 0; g < groups; ++g) {
        for (int64_t b = 0; b < nb; ++b) {
            uint8_t *o = out + (g * nb + b) * CK_Q8X8_BLOCK;
            for (int r = 0; r < 8; ++r) {
                int64_t row = g * 8 + r;
                if (row >= rows) break;
                const uint8_t *blk = in + (row * nb + b) * 34;
                memcpy(o + 256 + 2 * r, blk, 2);
                for (int i = 0; i < 8; ++i) memcpy(o + i * 32 + r * 4, blk + 2 + i * 4, 4);
            }
        }
    }
}
