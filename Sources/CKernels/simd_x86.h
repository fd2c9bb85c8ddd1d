// Internal helpers shared by the AVX2 kernels (not part of the public header).
#ifndef CK_SIMD_X86_H
#define CK_SIMD_X86_H
#if defined(__x86_64__) || defined(__i386__)
#include <immintrin.h>
#define CK_X86 1

/// The sum of the 8 lanes.
__attribute__((target("avx2,fma")))
static inline float hsum8(__m256 a) {
    __m128 s = _mm_add_ps(_mm256_castps256_ps128(a), _mm256_extractf128_ps(a, 1));
    s = _mm_add_ps(s, _mm_movehl_ps(s, s));
    s = _mm_add_ss(s, _mm_movehdup_ps(s));
    return _mm_cvtss_f32(s);
}
#endif
#endif
