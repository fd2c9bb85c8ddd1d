// Element-wise operations and the f32 matvec (scalar code plus AVX2 where it matters).
#include "variants.h"
#include <math.h>
#include "simd_x86.h"

void ck_matvec_f32(const float *w, int64_t cols, const float *x, float *y, int64_t row_begin, int64_t row_end) {
    for (int64_t r = row_begin; r < row_end; ++r) {
        const float *row = w + r * cols;
        double sum = 0;
        for (int64_t j = 0; j < cols; ++j) sum += (double)row[j] * x[j];
        y[r] = (float)sum;
    }
}

#ifdef CK_X86
__attribute__((target("avx2,fma")))
void ck_rmsnorm_avx2(const float *x, const float *w, int64_t n, float eps, float *out) {
    __m256 a0 = _mm256_setzero_ps(), a1 = _mm256_setzero_ps();
    int64_t i = 0;
    for (; i + 16 <= n; i += 16) {
        __m256 x0 = _mm256_loadu_ps(x + i), x1 = _mm256_loadu_ps(x + i + 8);
        a0 = _mm256_fmadd_ps(x0, x0, a0);
        a1 = _mm256_fmadd_ps(x1, x1, a1);
    }
    double ss = hsum8(_mm256_add_ps(a0, a1));
    for (; i < n; ++i) ss += (double)x[i] * x[i];
    __m256 scale = _mm256_set1_ps((float)(1.0 / sqrt(ss / (double)n + eps)));
    for (i = 0; i + 8 <= n; i += 8)
        _mm256_storeu_ps(out + i, _mm256_mul_ps(_mm256_mul_ps(_mm256_loadu_ps(x + i), scale), _mm256_loadu_ps(w + i)));
    float sc = (float)(1.0 / sqrt(ss / (double)n + eps));
    for (; i < n; ++i) out[i] = x[i] * sc * w[i];
}
#endif

void ck_rmsnorm(const float *x, const float *w, int64_t n, float eps, float *out) {
    double ss = 0;
    for (int64_t i = 0; i < n; ++i) ss += (double)x[i] * x[i];
    float scale = (float)(1.0 / sqrt(ss / (double)n + eps));
    for (int64_t i = 0; i < n; ++i) out[i] = x[i] * scale * w[i];
}

#ifdef CK_X86
__attribute__((target("avx2,fma")))
static inline __m256 silu_mul8(__m256 a, __m256 b) {
    __m256 one = _mm256_set1_ps(1.0f);
    __m256 e = exp8(_mm256_sub_ps(_mm256_setzero_ps(), a));
    return _mm256_mul_ps(_mm256_div_ps(a, _mm256_add_ps(one, e)), b);
}

__attribute__((target("avx2,fma")))
void ck_silu_mul_avx2(float *a, const float *b, int64_t n) {
    int64_t i = 0;
    for (; i + 8 <= n; i += 8) _mm256_storeu_ps(a + i, silu_mul8(_mm256_loadu_ps(a + i), _mm256_loadu_ps(b + i)));
    if (i < n) {  // the tail through the same vector code, so every element gets the same arithmetic
        float ta[8] = {0}, tb[8] = {0};
        for (int64_t j = i; j < n; ++j) { ta[j - i] = a[j]; tb[j - i] = b[j]; }
        _mm256_storeu_ps(ta, silu_mul8(_mm256_loadu_ps(ta), _mm256_loadu_ps(tb)));
        for (int64_t j = i; j < n; ++j) a[j] = ta[j - i];
    }
}
#endif

void ck_silu_mul(float *a, const float *b, int64_t n) {
    for (int64_t i = 0; i < n; ++i) a[i] = a[i] / (1.0f + expf(-a[i])) * b[i];
}

void ck_gelu_mul(float *a, const float *b, int64_t n) {
    const float c = 0.7978845608028654f;  // sqrt(2/pi)
    for (int64_t i = 0; i < n; ++i) {
        float v = a[i];
        a[i] = 0.5f * v * (1.0f + tanhf(c * (v + 0.044715f * v * v * v))) * b[i];
    }
}

void ck_rope(float *x, int n_heads, int head_dim, const float *cos_t, const float *sin_t, int neox) {
    int half = head_dim / 2;
    for (int h = 0; h < n_heads; ++h) {
        float *v = x + h * head_dim;
        for (int i = 0; i < half; ++i) {
            int a = neox ? i : 2 * i, b = neox ? i + half : 2 * i + 1;
            float x0 = v[a], x1 = v[b];
            v[a] = x0 * cos_t[i] - x1 * sin_t[i];
            v[b] = x0 * sin_t[i] + x1 * cos_t[i];
        }
    }
}

#ifdef CK_X86
// The hardware conversion rounds to nearest even, as the scalar one does.
__attribute__((target("avx2,f16c")))
void ck_to_fp16_f16c(const float *x, uint16_t *out, int64_t n) {
    int64_t i = 0;
    for (; i + 8 <= n; i += 8)
        _mm_storeu_si128((__m128i *)(out + i), _mm256_cvtps_ph(_mm256_loadu_ps(x + i), _MM_FROUND_TO_NEAREST_INT));
    for (; i < n; ++i) out[i] = ck_fp32_to_fp16(x[i]);
}
#endif

void ck_to_fp16(const float *x, uint16_t *out, int64_t n) {
    for (int64_t i = 0; i < n; ++i) out[i] = ck_fp32_to_fp16(x[i]);
}
