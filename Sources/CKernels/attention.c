// Attention over blocks of cached positions for the query heads that share one KV head: each block yields an
// unnormalized partial (max score, sum of exponentials, weighted sum of values) and partials are folded in order,
// so a sequence's result depends only on its own positions, never on how the work was split among threads.
#include "variants.h"
#include <math.h>
#include "simd_x86.h"

static float load(const void *base, int f16, int64_t index) {
    return f16 ? ck_fp16_to_fp32(((const uint16_t *)base)[index]) : ((const float *)base)[index];
}

static void block_scalar(const float *q, int g, const void *k, const void *v, int64_t n, int head_dim,
                         int64_t stride, float scale, int f16, float *scores, float *o, float *m, float *l);

void ck_attention_block(const float *q, int g, const void *k, const void *v, int64_t n, int head_dim,
                        int64_t stride, float scale, int f16, float *scratch, float *o, float *m, float *l) {
    block_scalar(q, g, k, v, n, head_dim, stride, scale, f16, scratch, o, m, l);
}

static void block_scalar(const float *q, int g, const void *k, const void *v, int64_t n, int head_dim,
                         int64_t stride, float scale, int f16, float *scores, float *o, float *m, float *l) {
    for (int h = 0; h < g; ++h) {
        const float *qh = q + h * head_dim;
        float *s = scores + h * n, mx = -INFINITY;
        for (int64_t p = 0; p < n; ++p) {
            float dot = 0;
            for (int j = 0; j < head_dim; ++j) dot += qh[j] * load(k, f16, p * stride + j);
            s[p] = dot * scale;
            if (s[p] > mx) mx = s[p];
        }
        double sum = 0;
        for (int64_t p = 0; p < n; ++p) { s[p] = expf(s[p] - mx); sum += s[p]; }
        float *oh = o + h * head_dim;
        for (int j = 0; j < head_dim; ++j) oh[j] = 0;
        for (int64_t p = 0; p < n; ++p)
            for (int j = 0; j < head_dim; ++j) oh[j] += s[p] * load(v, f16, p * stride + j);
        m[h] = mx;
        l[h] = (float)sum;
    }
}

#ifdef CK_X86
#if !defined(PREFETCH_ROWS)
#define PREFETCH_ROWS 8
#endif
/// Scores of up to 4 heads (G, a constant after inlining) against every position: each key row is converted from
/// f16 once for all the heads, two positions at a time for independent FMA chains.
__attribute__((target("avx2,fma,f16c"), always_inline))
static inline void scores_f16(const float *q, const int G, const uint16_t *k, int64_t n, int head_dim,
                              int64_t stride, float scale, float *scores) {
    int64_t p = 0;
    for (; p + 2 <= n; p += 2) {
        __m256 a[4], b[4];
        for (int h = 0; h < G; ++h) a[h] = b[h] = _mm256_setzero_ps();
        const uint16_t *k0 = k + p * stride, *k1 = k0 + stride;
        // Rows of one KV head are `stride` apart: too far for the hardware prefetcher, so ask for them ahead.
        for (int j = 0; j < head_dim; j += 32) {
            _mm_prefetch((const char *)(k0 + PREFETCH_ROWS * stride + j), _MM_HINT_T0);
            _mm_prefetch((const char *)(k1 + PREFETCH_ROWS * stride + j), _MM_HINT_T0);
        }
        for (int j = 0; j < head_dim; j += 8) {
            __m256 x0 = _mm256_cvtph_ps(_mm_loadu_si128((const __m128i *)(k0 + j)));
            __m256 x1 = _mm256_cvtph_ps(_mm_loadu_si128((const __m128i *)(k1 + j)));
            for (int h = 0; h < G; ++h) {
                __m256 qj = _mm256_loadu_ps(q + h * head_dim + j);
                a[h] = _mm256_fmadd_ps(qj, x0, a[h]);
                b[h] = _mm256_fmadd_ps(qj, x1, b[h]);
            }
        }
        for (int h = 0; h < G; ++h) {
            scores[h * n + p] = hsum8(a[h]) * scale;
            scores[h * n + p + 1] = hsum8(b[h]) * scale;
        }
    }
    for (; p < n; ++p) {
        __m256 a[4];
        for (int h = 0; h < G; ++h) a[h] = _mm256_setzero_ps();
        const uint16_t *k0 = k + p * stride;
        for (int j = 0; j < head_dim; j += 8) {
            __m256 x0 = _mm256_cvtph_ps(_mm_loadu_si128((const __m128i *)(k0 + j)));
            for (int h = 0; h < G; ++h) a[h] = _mm256_fmadd_ps(_mm256_loadu_ps(q + h * head_dim + j), x0, a[h]);
        }
        for (int h = 0; h < G; ++h) scores[h * n + p] = hsum8(a[h]) * scale;
    }
}

/// In place: s = e^(s − max); returns the max in *m and the sum in *l.
__attribute__((target("avx2,fma")))
static void exp_block(float *s, int64_t n, float *m, float *l) {
    __m256 mx8 = _mm256_set1_ps(-INFINITY);
    int64_t i = 0;
    for (; i + 8 <= n; i += 8) mx8 = _mm256_max_ps(mx8, _mm256_loadu_ps(s + i));
    float lanes[8], mx = -INFINITY;
    _mm256_storeu_ps(lanes, mx8);
    for (int j = 0; j < 8; ++j) mx = lanes[j] > mx ? lanes[j] : mx;
    for (int64_t j = i; j < n; ++j) mx = s[j] > mx ? s[j] : mx;
    __m256 m8 = _mm256_set1_ps(mx), sum8 = _mm256_setzero_ps();
    for (i = 0; i + 8 <= n; i += 8) {
        __m256 e = exp8(_mm256_sub_ps(_mm256_loadu_ps(s + i), m8));
        _mm256_storeu_ps(s + i, e);
        sum8 = _mm256_add_ps(sum8, e);
    }
    float sum = hsum8(sum8);
    if (i < n) {  // the tail through the same vector code
        float t[8];
        for (int j = 0; j < 8; ++j) t[j] = i + j < n ? s[i + j] - mx : -INFINITY;
        _mm256_storeu_ps(t, exp8(_mm256_loadu_ps(t)));
        for (int64_t j = i; j < n; ++j) { s[j] = t[j - i]; sum += t[j - i]; }
    }
    *m = mx;
    *l = sum;
}

/// o_h = Σ_p w_h[p]·v_p for up to 4 heads, 16 dimensions per pass over the positions (2 accumulators per head).
__attribute__((target("avx2,fma,f16c"), always_inline))
static inline void values_f16(const float *w, const int G, const uint16_t *v, int64_t n, int head_dim,
                              int64_t stride, float *o) {
    for (int j = 0; j < head_dim; j += 16) {
        __m256 a[4], b[4];
        for (int h = 0; h < G; ++h) a[h] = b[h] = _mm256_setzero_ps();
        const uint16_t *vp = v + j;
        for (int64_t p = 0; p < n; ++p, vp += stride) {
            if (j == 0)
                for (int c = 0; c < head_dim; c += 32) _mm_prefetch((const char *)(vp + PREFETCH_ROWS * stride + c), _MM_HINT_T0);
            __m256 x0 = _mm256_cvtph_ps(_mm_loadu_si128((const __m128i *)vp));
            __m256 x1 = _mm256_cvtph_ps(_mm_loadu_si128((const __m128i *)(vp + 8)));
            for (int h = 0; h < G; ++h) {
                __m256 wp = _mm256_broadcast_ss(w + h * n + p);
                a[h] = _mm256_fmadd_ps(wp, x0, a[h]);
                b[h] = _mm256_fmadd_ps(wp, x1, b[h]);
            }
        }
        for (int h = 0; h < G; ++h) {
            _mm256_storeu_ps(o + h * head_dim + j, a[h]);
            _mm256_storeu_ps(o + h * head_dim + j + 8, b[h]);
        }
    }
}

#define CK_GROUP_CASES(CALL) \
    switch (G) { case 1: CALL(1); break; case 2: CALL(2); break; case 3: CALL(3); break; default: CALL(4); break; }

__attribute__((target("avx2,fma,f16c")))
static void block_f16_avx2(const float *q, int g, const uint16_t *k, const uint16_t *v, int64_t n, int head_dim,
                           int64_t stride, float scale, float *scores, float *o, float *m, float *l) {
    for (int h0 = 0; h0 < g; h0 += 4) {
        int G = g - h0 < 4 ? g - h0 : 4;
        const float *qg = q + h0 * head_dim;
        float *sg = scores + h0 * n;
#define SCORES(C) scores_f16(qg, C, k, n, head_dim, stride, scale, sg)
        CK_GROUP_CASES(SCORES)
        for (int h = 0; h < G; ++h) exp_block(sg + h * n, n, m + h0 + h, l + h0 + h);
#define VALUES(C) values_f16(sg, C, v, n, head_dim, stride, o + h0 * head_dim)
        CK_GROUP_CASES(VALUES)
    }
}

void ck_attention_block_avx2(const float *q, int g, const void *k, const void *v, int64_t n, int head_dim,
                             int64_t stride, float scale, int f16, float *scratch, float *o, float *m, float *l) {
    if (f16 && head_dim % 16 == 0) {
        block_f16_avx2(q, g, (const uint16_t *)k, (const uint16_t *)v, n, head_dim, stride, scale, scratch, o, m, l);
        return;
    }
    block_scalar(q, g, k, v, n, head_dim, stride, scale, f16, scratch, o, m, l);
}
#define AVX512_TARGET "avx512f,avx512vl,avx512bw,avx2,fma,f16c"
/// `scores_f16` on 16 lanes (head_dim a multiple of 16).
__attribute__((target(AVX512_TARGET), always_inline))
static inline void scores_f16_512(const float *q, const int G, const uint16_t *k, int64_t n, int head_dim,
                                  int64_t stride, float scale, float *scores) {
    int64_t p = 0;
    for (; p + 2 <= n; p += 2) {
        __m512 a[4], b[4];
        for (int h = 0; h < G; ++h) a[h] = b[h] = _mm512_setzero_ps();
        const uint16_t *k0 = k + p * stride, *k1 = k0 + stride;
        for (int j = 0; j < head_dim; j += 32) {
            _mm_prefetch((const char *)(k0 + PREFETCH_ROWS * stride + j), _MM_HINT_T0);
            _mm_prefetch((const char *)(k1 + PREFETCH_ROWS * stride + j), _MM_HINT_T0);
        }
        for (int j = 0; j < head_dim; j += 16) {
            __m512 x0 = _mm512_cvtph_ps(_mm256_loadu_si256((const __m256i *)(k0 + j)));
            __m512 x1 = _mm512_cvtph_ps(_mm256_loadu_si256((const __m256i *)(k1 + j)));
            for (int h = 0; h < G; ++h) {
                __m512 qj = _mm512_loadu_ps(q + h * head_dim + j);
                a[h] = _mm512_fmadd_ps(qj, x0, a[h]);
                b[h] = _mm512_fmadd_ps(qj, x1, b[h]);
            }
        }
        for (int h = 0; h < G; ++h) {
            scores[h * n + p] = _mm512_reduce_add_ps(a[h]) * scale;
            scores[h * n + p + 1] = _mm512_reduce_add_ps(b[h]) * scale;
        }
    }
    for (; p < n; ++p) {
        __m512 a[4];
        for (int h = 0; h < G; ++h) a[h] = _mm512_setzero_ps();
        const uint16_t *k0 = k + p * stride;
        for (int j = 0; j < head_dim; j += 16) {
            __m512 x0 = _mm512_cvtph_ps(_mm256_loadu_si256((const __m256i *)(k0 + j)));
            for (int h = 0; h < G; ++h) a[h] = _mm512_fmadd_ps(_mm512_loadu_ps(q + h * head_dim + j), x0, a[h]);
        }
        for (int h = 0; h < G; ++h) scores[h * n + p] = _mm512_reduce_add_ps(a[h]) * scale;
    }
}

/// `values_f16` on 16 lanes, 32 dimensions per pass (head_dim a multiple of 32).
__attribute__((target(AVX512_TARGET), always_inline))
static inline void values_f16_512(const float *w, const int G, const uint16_t *v, int64_t n, int head_dim,
                                  int64_t stride, float *o) {
    for (int j = 0; j < head_dim; j += 32) {
        __m512 a[4], b[4];
        for (int h = 0; h < G; ++h) a[h] = b[h] = _mm512_setzero_ps();
        const uint16_t *vp = v + j;
        for (int64_t p = 0; p < n; ++p, vp += stride) {
            if (j == 0)
                for (int c = 0; c < head_dim; c += 32) _mm_prefetch((const char *)(vp + PREFETCH_ROWS * stride + c), _MM_HINT_T0);
            __m512 x0 = _mm512_cvtph_ps(_mm256_loadu_si256((const __m256i *)vp));
            __m512 x1 = _mm512_cvtph_ps(_mm256_loadu_si256((const __m256i *)(vp + 16)));
            for (int h = 0; h < G; ++h) {
                __m512 wp = _mm512_set1_ps(w[h * n + p]);
                a[h] = _mm512_fmadd_ps(wp, x0, a[h]);
                b[h] = _mm512_fmadd_ps(wp, x1, b[h]);
            }
        }
        for (int h = 0; h < G; ++h) {
            _mm512_storeu_ps(o + h * head_dim + j, a[h]);
            _mm512_storeu_ps(o + h * head_dim + j + 16, b[h]);
        }
    }
}

__attribute__((target(AVX512_TARGET)))
static void block_f16_avx512(const float *q, int g, const uint16_t *k, const uint16_t *v, int64_t n, int head_dim,
                             int64_t stride, float scale, float *scores, float *o, float *m, float *l) {
    for (int h0 = 0; h0 < g; h0 += 4) {
        int G = g - h0 < 4 ? g - h0 : 4;
        const float *qg = q + h0 * head_dim;
        float *sg = scores + h0 * n;
#define SCORES512(C) scores_f16_512(qg, C, k, n, head_dim, stride, scale, sg)
        CK_GROUP_CASES(SCORES512)
        for (int h = 0; h < G; ++h) exp_block(sg + h * n, n, m + h0 + h, l + h0 + h);
#define VALUES512(C) values_f16_512(sg, C, v, n, head_dim, stride, o + h0 * head_dim)
        CK_GROUP_CASES(VALUES512)
    }
}

/// The AVX-512 variant for f16 caches whose head size is a multiple of 32; the others go through the AVX2 one.
void ck_attention_block_avx512(const float *q, int g, const void *k, const void *v, int64_t n, int head_dim,
                               int64_t stride, float scale, int f16, float *scratch, float *o, float *m, float *l) {
    if (f16 && head_dim % 32 == 0) {
        block_f16_avx512(q, g, (const uint16_t *)k, (const uint16_t *)v, n, head_dim, stride, scale, scratch, o, m, l);
        return;
    }
    ck_attention_block_avx2(q, g, k, v, n, head_dim, stride, scale, f16, scratch, o, m, l);
}
#endif

void ck_attention_fold(float *o, float *m, float *l, const float *ob, const float *mb, const float *lb, int g,
                       int head_dim) {
    for (int h = 0; h < g; ++h) {
        float mx = m[h] > mb[h] ? m[h] : mb[h];
        float a = expf(m[h] - mx), b = expf(mb[h] - mx);
        for (int j = 0; j < head_dim; ++j) o[h * head_dim + j] = o[h * head_dim + j] * a + ob[h * head_dim + j] * b;
        l[h] = l[h] * a + lb[h] * b;
        m[h] = mx;
    }
}
