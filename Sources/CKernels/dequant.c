// Scalar reference dequantization of every supported ggml block type (layouts: ENGINE-NOTES §6, ggml-common.h).
#include "CKernels.h"
#include <string.h>

float ck_fp16_to_fp32(uint16_t h) {
    uint32_t sign = (uint32_t)(h & 0x8000) << 16;
    uint32_t exp = (h >> 10) & 0x1F;
    uint32_t mant = h & 0x3FF;
    uint32_t bits;
    if (exp == 0) {
        if (mant == 0) {
            bits = sign;
        } else {  // subnormal: renormalize
            int e = -1;
            do { mant <<= 1; e++; } while ((mant & 0x400) == 0);
            mant &= 0x3FF;
            bits = sign | ((uint32_t)(127 - 15 - e) << 23) | (mant << 13);
        }
    } else if (exp == 31) {
        bits = sign | 0x7F800000 | (mant << 13);
    } else {
        bits = sign | ((exp + 127 - 15) << 23) | (mant << 13);
    }
    float f;
    memcpy(&f, &bits, 4);
    return f;
}

uint16_t ck_fp32_to_fp16(float f) {
    uint32_t x;
    memcpy(&x, &f, 4);
    uint32_t sign = (x >> 16) & 0x8000;
    uint32_t absx = x & 0x7FFFFFFF;
    if (absx >= 0x7F800000) return (uint16_t)(sign | 0x7C00 | (absx > 0x7F800000 ? 0x200 : 0));
    if (absx >= 0x477FF000) return (uint16_t)(sign | 0x7C00);  // overflow → inf
    if (absx < 0x38800000) {  // subnormal or zero in half
        if (absx < 0x33000000) return (uint16_t)sign;
        uint32_t e = absx >> 23;
        uint32_t m = (absx & 0x7FFFFF) | 0x800000;
        // value = m * 2^(e-150); half subnormal unit = 2^-24 ⇒ q = m * 2^(e-126)
        int s = (int)(126 - e);
        uint32_t q = m >> s;
        uint32_t rem = m & ((1u << s) - 1);
        uint32_t halfway = 1u << (s - 1);
        if (rem > halfway || (rem == halfway && (q & 1))) q++;
        return (uint16_t)(sign | q);
    }
    uint32_t r = absx + 0xFFF + ((absx >> 13) & 1);  // round to nearest even
    return (uint16_t)(sign | ((r - 0x38000000) >> 13));
}

static inline float f16(const uint8_t *p) { return ck_fp16_to_fp32((uint16_t)(p[0] | (p[1] << 8))); }

int ck_type_supported(int type) {
    switch (type) {
    case CK_F32: case CK_F16: case CK_BF16: case CK_Q4_0: case CK_Q4_1: case CK_Q5_0: case CK_Q5_1: case CK_Q8_0:
    case CK_Q2_K: case CK_Q3_K: case CK_Q4_K: case CK_Q5_K: case CK_Q6_K: return 1;
    default: return 0;
    }
}

static void get_scale_min_k4(int j, const uint8_t *q, uint8_t *d, uint8_t *m) {
    if (j < 4) {
        *d = q[j] & 63;
        *m = q[j + 4] & 63;
    } else {
        *d = (uint8_t)((q[j + 4] & 0xF) | ((q[j - 4] >> 6) << 4));
        *m = (uint8_t)((q[j + 4] >> 4) | ((q[j] >> 6) << 4));
    }
}

static void deq_q2_k(const uint8_t *b, float *y) {
    const uint8_t *scales = b, *q = b + 16;
    float d = f16(b + 80), dmin = f16(b + 82);
    int is = 0;
    for (int n = 0; n < 256; n += 128) {
        int shift = 0;
        for (int j = 0; j < 4; ++j) {
            uint8_t sc = scales[is++];
            float dl = d * (sc & 0xF), ml = dmin * (sc >> 4);
            for (int l = 0; l < 16; ++l) *y++ = dl * ((q[l] >> shift) & 3) - ml;
            sc = scales[is++];
            dl = d * (sc & 0xF); ml = dmin * (sc >> 4);
            for (int l = 0; l < 16; ++l) *y++ = dl * ((q[l + 16] >> shift) & 3) - ml;
            shift += 2;
        }
        q += 32;
    }
}

static void deq_q3_k(const uint8_t *b, float *y) {
    const uint8_t *hm = b, *q = b + 32;
    float d = f16(b + 108);
    uint32_t aux[4];
    memcpy(aux, b + 96, 12);
    const uint32_t kmask1 = 0x03030303, kmask2 = 0x0f0f0f0f;
    uint32_t tmp = aux[2];
    aux[2] = ((aux[0] >> 4) & kmask2) | (((tmp >> 4) & kmask1) << 4);
    aux[3] = ((aux[1] >> 4) & kmask2) | (((tmp >> 6) & kmask1) << 4);
    aux[0] = (aux[0] & kmask2) | (((tmp >> 0) & kmask1) << 4);
    aux[1] = (aux[1] & kmask2) | (((tmp >> 2) & kmask1) << 4);
    const int8_t *scales = (const int8_t *)aux;
    int is = 0;
    uint8_t m = 1;
    for (int n = 0; n < 256; n += 128) {
        int shift = 0;
        for (int j = 0; j < 4; ++j) {
            float dl = d * (scales[is++] - 32);
            for (int l = 0; l < 16; ++l) *y++ = dl * ((int8_t)((q[l] >> shift) & 3) - ((hm[l] & m) ? 0 : 4));
            dl = d * (scales[is++] - 32);
            for (int l = 0; l < 16; ++l) *y++ = dl * ((int8_t)((q[l + 16] >> shift) & 3) - ((hm[l + 16] & m) ? 0 : 4));
            shift += 2;
            m <<= 1;
        }
        q += 32;
    }
}

static void deq_q4_k(const uint8_t *b, float *y) {
    float d = f16(b), dmin = f16(b + 2);
    const uint8_t *scales = b + 4, *q = b + 16;
    int is = 0;
    for (int j = 0; j < 256; j += 64) {
        uint8_t sc, m;
        get_scale_min_k4(is, scales, &sc, &m);
        float d1 = d * sc, m1 = dmin * m;
        get_scale_min_k4(is + 1, scales, &sc, &m);
        float d2 = d * sc, m2 = dmin * m;
        for (int l = 0; l < 32; ++l) *y++ = d1 * (q[l] & 0xF) - m1;
        for (int l = 0; l < 32; ++l) *y++ = d2 * (q[l] >> 4) - m2;
        q += 32;
        is += 2;
    }
}

static void deq_q5_k(const uint8_t *b, float *y) {
    float d = f16(b), dmin = f16(b + 2);
    const uint8_t *scales = b + 4, *qh = b + 16, *ql = b + 48;
    int is = 0;
    uint8_t u1 = 1, u2 = 2;
    for (int j = 0; j < 256; j += 64) {
        uint8_t sc, m;
        get_scale_min_k4(is, scales, &sc, &m);
        float d1 = d * sc, m1 = dmin * m;
        get_scale_min_k4(is + 1, scales, &sc, &m);
        float d2 = d * sc, m2 = dmin * m;
        for (int l = 0; l < 32; ++l) *y++ = d1 * ((ql[l] & 0xF) + ((qh[l] & u1) ? 16 : 0)) - m1;
        for (int l = 0; l < 32; ++l) *y++ = d2 * ((ql[l] >> 4) + ((qh[l] & u2) ? 16 : 0)) - m2;
        ql += 32;
        is += 2;
        u1 <<= 2;
        u2 <<= 2;
    }
}

static void deq_q6_k(const uint8_t *b, float *y) {
    const uint8_t *ql = b, *qh = b + 128;
    const int8_t *sc = (const int8_t *)(b + 192);
    float d = f16(b + 208);
    for (int n = 0; n < 256; n += 128) {
        for (int l = 0; l < 32; ++l) {
            int is = l / 16;
            int q1 = (int)((ql[l] & 0xF) | (((qh[l] >> 0) & 3) << 4)) - 32;
            int q2 = (int)((ql[l + 32] & 0xF) | (((qh[l] >> 2) & 3) << 4)) - 32;
            int q3 = (int)((ql[l] >> 4) | (((qh[l] >> 4) & 3) << 4)) - 32;
            int q4 = (int)((ql[l + 32] >> 4) | (((qh[l] >> 6) & 3) << 4)) - 32;
            y[l] = d * sc[is] * q1;
            y[l + 32] = d * sc[is + 2] * q2;
            y[l + 64] = d * sc[is + 4] * q3;
            y[l + 96] = d * sc[is + 6] * q4;
        }
        y += 128;
        ql += 64;
        qh += 32;
        sc += 8;
    }
}

int ck_dequantize_row(int type, const void *src, float *dst, int64_t n) {
    const uint8_t *p = (const uint8_t *)src;
    switch (type) {
    case CK_F32: memcpy(dst, src, (size_t)n * 4); return 0;
    case CK_F16: for (int64_t i = 0; i < n; ++i) dst[i] = f16(p + 2 * i); return 0;
    case CK_BF16:
        for (int64_t i = 0; i < n; ++i) {
            uint32_t bits = (uint32_t)(p[2 * i] | (p[2 * i + 1] << 8)) << 16;
            memcpy(dst + i, &bits, 4);
        }
        return 0;
    default: break;
    }
    int block = (type == CK_Q2_K || type == CK_Q3_K || type == CK_Q4_K || type == CK_Q5_K || type == CK_Q6_K) ? 256 : 32;
    if (!ck_type_supported(type) || n % block != 0) return -1;
    for (int64_t ib = 0; ib < n / block; ++ib) {
        float *y = dst + ib * block;
        switch (type) {
        case CK_Q4_0: {
            const uint8_t *b = p + ib * 18; float d = f16(b);
            for (int j = 0; j < 16; ++j) { y[j] = ((b[2 + j] & 0xF) - 8) * d; y[j + 16] = ((b[2 + j] >> 4) - 8) * d; }
            break;
        }
        case CK_Q4_1: {
            const uint8_t *b = p + ib * 20; float d = f16(b), m = f16(b + 2);
            for (int j = 0; j < 16; ++j) { y[j] = (b[4 + j] & 0xF) * d + m; y[j + 16] = (b[4 + j] >> 4) * d + m; }
            break;
        }
        case CK_Q5_0: case CK_Q5_1: {
            int has_min = type == CK_Q5_1;
            const uint8_t *b = p + ib * (has_min ? 24 : 22);
            float d = f16(b), m = has_min ? f16(b + 2) : 0;
            const uint8_t *qhp = b + (has_min ? 4 : 2), *qs = qhp + 4;
            uint32_t qh = (uint32_t)qhp[0] | ((uint32_t)qhp[1] << 8) | ((uint32_t)qhp[2] << 16) | ((uint32_t)qhp[3] << 24);
            for (int j = 0; j < 16; ++j) {
                int x0 = (qs[j] & 0xF) | (((qh >> j) << 4) & 0x10);
                int x1 = (qs[j] >> 4) | ((qh >> (j + 12)) & 0x10);
                if (has_min) { y[j] = x0 * d + m; y[j + 16] = x1 * d + m; }
                else { y[j] = (x0 - 16) * d; y[j + 16] = (x1 - 16) * d; }
            }
            break;
        }
        case CK_Q8_0: {
            const uint8_t *b = p + ib * 34; float d = f16(b);
            for (int j = 0; j < 32; ++j) y[j] = (int8_t)b[2 + j] * d;
            break;
        }
        case CK_Q2_K: deq_q2_k(p + ib * 84, y); break;
        case CK_Q3_K: deq_q3_k(p + ib * 110, y); break;
        case CK_Q4_K: deq_q4_k(p + ib * 144, y); break;
        case CK_Q5_K: deq_q5_k(p + ib * 176, y); break;
        case CK_Q6_K: deq_q6_k(p + ib * 210, y); break;
        default: return -1;
        }
    }
    return 0;
}
