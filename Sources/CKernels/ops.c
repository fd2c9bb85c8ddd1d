// Element-wise operations, f32 matvec and single-head attention (scalar code plus AVX2 where it matters).
#include "CKernels.h"
#include <math.h>
#include "simd_x86.h"

int ck_use_avx2(void);

void ck_matvec_f32(const float *w, int64_t cols, const float *x, float *y, int64_t row_begin, int64_t row_end) {
    for (int64_t r = row_begin; r < row_end; ++r) {
        const float *row = w + r * cols;
        double sum = 0;
        for (int64_t j = 0; j < cols; ++j) sum += (double)row[j] * x[j];
        y[r] = (float)sum;
    }
}

void ck_rmsnorm(const float *x, const float *w, int64_t n, float eps, float *out) {
    double ss = 0;
    for (int64_t i = 0; i < n; ++i) ss += (double)x[i] * x[i];
    float scale = (float)(1.0 / sqrt(ss / (double)n + eps));
    for (int64_t i = 0; i < n; ++i) out[i] = x[i] * scale * w[i];
}

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

void ck_to_fp16(const float *x, uint16_t *out, int64_t n) {
    for (int64_t i = 0; i < n; ++i) out[i] = ck_fp32_to_fp16(x[i]);
}

static void softmax_inplace(float *s, int64_t n) {
    float mx = -INFINITY;
    for (int64_t i = 0; i < n; ++i) if (s[i] > mx) mx = s[i];
    double sum = 0;
    for (int64_t i = 0; i < n; ++i) { s[i] = expf(s[i] - mx); sum += s[i]; }
    float inv = (float)(1.0 / sum);
    for (int64_t i = 0; i < n; ++i) s[i] *= inv;
}

static void attention_scalar(const float *q, const void *k, const void *v, int64_t n, int head_dim, int64_t stride,
                             float scale, int f16, float *scores, float *out) {
    for (int64_t p = 0; p < n; ++p) {
        float dot = 0;
        if (f16) {
            const uint16_t *kp = (const uint16_t *)k + p * stride;
            for (int j = 0; j < head_dim; ++j) dot += q[j] * ck_fp16_to_fp32(kp[j]);
        } else {
            const float *kp = (const float *)k + p * stride;
            for (int j = 0; j < head_dim; ++j) dot += q[j] * kp[j];
        }
        scores[p] = dot * scale;
    }
    softmax_inplace(scores, n);
    for (int j = 0; j < head_dim; ++j) out[j] = 0;
    for (int64_t p = 0; p < n; ++p) {
        float w = scores[p];
        if (f16) {
            const uint16_t *vp = (const uint16_t *)v + p * stride;
            for (int j = 0; j < head_dim; ++j) out[j] += w * ck_fp16_to_fp32(vp[j]);
        } else {
            const float *vp = (const float *)v + p * stride;
            for (int j = 0; j < head_dim; ++j) out[j] += w * vp[j];
        }
    }
}

#ifdef CK_X86
__attribute__((target("avx2,fma,f16c")))
static void attention_f16_avx2(const float *q, const uint16_t *k, const uint16_t *v, int64_t n, int head_dim,
                               int64_t stride, float scale, float *scores, float *out) {
    // Scores four positions at a time: four independent FMA chains instead of one (each chain sums over the head
    // dimension in the same order as a single position would, so the results are the same).
    int64_t p = 0;
    for (; p + 4 <= n; p += 4) {
        __m256 a0 = _mm256_setzero_ps(), a1 = _mm256_setzero_ps(), a2 = _mm256_setzero_ps(), a3 = _mm256_setzero_ps();
        const uint16_t *k0 = k + p * stride;
        for (int j = 0; j < head_dim; j += 8) {
            __m256 qj = _mm256_loadu_ps(q + j);
            a0 = _mm256_fmadd_ps(qj, _mm256_cvtph_ps(_mm_loadu_si128((const __m128i *)(k0 + j))), a0);
            a1 = _mm256_fmadd_ps(qj, _mm256_cvtph_ps(_mm_loadu_si128((const __m128i *)(k0 + stride + j))), a1);
            a2 = _mm256_fmadd_ps(qj, _mm256_cvtph_ps(_mm_loadu_si128((const __m128i *)(k0 + 2 * stride + j))), a2);
            a3 = _mm256_fmadd_ps(qj, _mm256_cvtph_ps(_mm_loadu_si128((const __m128i *)(k0 + 3 * stride + j))), a3);
        }
        scores[p] = hsum8(a0) * scale;
        scores[p + 1] = hsum8(a1) * scale;
        scores[p + 2] = hsum8(a2) * scale;
        scores[p + 3] = hsum8(a3) * scale;
    }
    for (; p < n; ++p) {
        const uint16_t *kp = k + p * stride;
        __m256 acc = _mm256_setzero_ps();
        for (int j = 0; j < head_dim; j += 8) {
            __m256 kv = _mm256_cvtph_ps(_mm_loadu_si128((const __m128i *)(kp + j)));
            acc = _mm256_fmadd_ps(_mm256_loadu_ps(q + j), kv, acc);
        }
        scores[p] = hsum8(acc) * scale;
    }
    softmax_inplace(scores, n);
    if (head_dim <= 128) {
        // Positions outermost, one accumulator per 8 dimensions: independent chains, each value row read once
        // (per dimension the sum runs over the positions in the same order as before).
        __m256 acc[16];
        int chunks = head_dim / 8;
        for (int c = 0; c < chunks; ++c) acc[c] = _mm256_setzero_ps();
        for (int64_t p2 = 0; p2 < n; ++p2) {
            __m256 w = _mm256_set1_ps(scores[p2]);
            const uint16_t *vp = v + p2 * stride;
            for (int c = 0; c < chunks; ++c)
                acc[c] = _mm256_fmadd_ps(w, _mm256_cvtph_ps(_mm_loadu_si128((const __m128i *)(vp + 8 * c))), acc[c]);
        }
        for (int c = 0; c < chunks; ++c) _mm256_storeu_ps(out + 8 * c, acc[c]);
        return;
    }
    for (int j = 0; j < head_dim; j += 8) {
        __m256 acc = _mm256_setzero_ps();
        for (int64_t p2 = 0; p2 < n; ++p2) {
            __m256 vv = _mm256_cvtph_ps(_mm_loadu_si128((const __m128i *)(v + p2 * stride + j)));
            acc = _mm256_fmadd_ps(_mm256_set1_ps(scores[p2]), vv, acc);
        }
        _mm256_storeu_ps(out + j, acc);
    }
}
#endif

void ck_attention(const float *q, const void *k, const void *v, int64_t n, int head_dim, int64_t stride,
                  float scale, int f16, float *scratch, float *out) {
#ifdef CK_X86
    if (f16 && head_dim % 8 == 0 && ck_use_avx2()) {
        attention_f16_avx2(q, (const uint16_t *)k, (const uint16_t *)v, n, head_dim, stride, scale, scratch, out);
        return;
    }
#endif
    attention_scalar(q, k, v, n, head_dim, stride, scale, f16, scratch, out);
}
