// CKernels: the inference engine's numeric kernels (plain C, run-time dispatched SIMD variants).
//
// Conventions: a weight matrix has `rows` rows of `cols` elements (ggml ne = [cols, rows]); y = W x means
// y[r] = dot(row r, x). All pointers are caller-owned. Functions never allocate unless their name says so.
#ifndef CKERNELS_H
#define CKERNELS_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

// ---- ggml type ids (the subset the kernels know) ----
enum {
    CK_F32 = 0, CK_F16 = 1, CK_Q4_0 = 2, CK_Q4_1 = 3, CK_Q5_0 = 6, CK_Q5_1 = 7, CK_Q8_0 = 8,
    CK_Q2_K = 10, CK_Q3_K = 11, CK_Q4_K = 12, CK_Q5_K = 13, CK_Q6_K = 14, CK_BF16 = 30,
};

/// IEEE half → float (scalar, exact).
float ck_fp16_to_fp32(uint16_t h);
/// float → IEEE half, round to nearest even.
uint16_t ck_fp32_to_fp16(float f);

/// Whether `ck_dequantize_row` knows this ggml type.
int ck_type_supported(int type);
/// Dequantizes `n` elements (a whole number of blocks) of ggml type `type` from `src` into `dst`.
/// Returns 0 on success, -1 for an unknown type or an `n` that is not a multiple of the block size.
int ck_dequantize_row(int type, const void *src, float *dst, int64_t n);

// ---- activation quantization (int8 blocks of 32, f32 scale, sum of the quantized block) ----
/// Quantizes `n` floats (multiple of 32): q[n] int8, d[n/32] scales, s[n/32] = d * (sum of the block's q).
/// This and the f32 helpers below are the scalar references; a `ck_kernels` table holds the SIMD variants.
void ck_quantize_act(const float *x, int64_t n, int8_t *q, float *d, float *s);

// ---- repacked weights: groups of 8 rows interleaved by 4-byte column groups ----
/// Bytes per 8 rows × 32 columns: q4x8 (quants, 8 f16 scales, 8 f16 mins) and q8x8 (quants, 8 f16 scales).
#define CK_Q4X8_BLOCK 160
#define CK_Q8X8_BLOCK 272
/// Bytes of a Q4_1 matrix repacked as `q4x8` (rows rounded up to 8).
size_t ck_q4_1x8_size(int64_t rows, int64_t cols);
/// Repacks a GGUF Q4_1 matrix. `dst` must hold `ck_q4_1x8_size` bytes; padded rows are zero.
void ck_q4_1x8_repack(const void *src, int64_t rows, int64_t cols, void *dst);
/// Bytes of a Q8_0 matrix repacked as `q8x8`.
size_t ck_q8_0x8_size(int64_t rows, int64_t cols);
/// Repacks a GGUF Q8_0 matrix.
void ck_q8_0x8_repack(const void *src, int64_t rows, int64_t cols, void *dst);

/// The activations of one matmul input for `nv` vectors: quantized with `ck_quantize_act`, vector v at
/// q + v*cols, d + v*(cols/32), s + v*(cols/32).
typedef struct {
    const int8_t *q;
    const float *d;
    const float *s;
    int64_t nv;
} ck_act;

/// The portable scalar int8 matmul: y[v*ldy + r] = dot(row r, x_v) for rows [row_begin, row_end) (multiples of 8
/// except at the end) and every vector v of `x`. `kind` 0 = q4_1x8, 1 = q8_0x8. The SIMD variants are reached
/// through a `ck_kernels` table.
void ck_matmul_x8_scalar(int kind, const void *w, int64_t rows, int64_t cols, const ck_act *x, float *y,
                         int64_t ldy, int64_t row_begin, int64_t row_end);

// ---- kernel sets chosen at run time ----
/// One instruction-set family's kernels. The tables are immutable and live for the whole process; an engine keeps
/// the one it was given, so two engines (or two tests) in one process can run different sets side by side.
typedef struct ck_kernels {
    /// The family: "avx512", "avx2" or "scalar" (the names `PROCTOR_KERNELS` takes).
    const char *name;
    /// What each kernel of the set uses, for run settings and reports.
    const char *detail;
    /// y[v*ldy + r] = dot(row r, x_v) on the repacked layouts (see `ck_matmul_x8_scalar`).
    void (*matmul_x8)(int kind, const void *w, int64_t rows, int64_t cols, const ck_act *x, float *y, int64_t ldy,
                      int64_t row_begin, int64_t row_end);
    /// As `ck_matmul_f32_scalar`.
    void (*matmul_f32)(const float *w, int64_t cols, const float *x, int64_t nv, float *y, int64_t ldy,
                       int64_t row_begin, int64_t row_end);
    /// As `ck_quantize_act` (bit for bit the same in every set).
    void (*quantize_act)(const float *x, int64_t n, int8_t *q, float *d, float *s);
    /// As `ck_attention_block`.
    void (*attention_block)(const float *q, int g, const void *k, const void *v, int64_t n, int head_dim,
                            int64_t stride, float scale, int f16, float *scratch, float *o, float *m, float *l);
    /// As `ck_rmsnorm`.
    void (*rmsnorm)(const float *x, const float *w, int64_t n, float eps, float *out);
    /// As `ck_silu_mul`.
    void (*silu_mul)(float *a, const float *b, int64_t n);
    /// As `ck_to_fp16` (bit for bit the same in every set).
    void (*to_fp16)(const float *x, uint16_t *out, int64_t n);
} ck_kernels;

/// The set of one family ("avx512", "avx2", "scalar"), or NULL when the name is unknown or this CPU (and OS) lacks
/// its instructions.
const ck_kernels *ck_kernels_named(const char *name);
/// The fastest set this CPU runs.
const ck_kernels *ck_kernels_best(void);

enum {
    CK_CPU_AVX2 = 1, CK_CPU_FMA = 2, CK_CPU_F16C = 4, CK_CPU_AVX512F = 8, CK_CPU_AVX512BW = 16,
    CK_CPU_AVX512VL = 32, CK_CPU_AVX512VNNI = 64, CK_CPU_AVX512BF16 = 128,
};
/// The CPU features the kernels care about, as a mask of `CK_CPU_*` bits.
unsigned ck_cpu_features(void);

// ---- f32 helpers ----
/// y[r] = dot(W[r], x) for an f32 row-major matrix, rows [row_begin, row_end).
void ck_matvec_f32(const float *w, int64_t cols, const float *x, float *y, int64_t row_begin, int64_t row_end);
/// y[v·ldy + r] = row r of the row-major f32 matrix `w` (`cols` wide) · x_v (x_v = x + v·cols), for v < nv and
/// rows in [row_begin, row_end), in scalar C (the SIMD variants, which read each row once per four vectors, are in
/// the `ck_kernels` tables).
void ck_matmul_f32_scalar(const float *w, int64_t cols, const float *x, int64_t nv, float *y, int64_t ldy,
                          int64_t row_begin, int64_t row_end);
/// out = x / sqrt(mean(x²) + eps) * w.
void ck_rmsnorm(const float *x, const float *w, int64_t n, float eps, float *out);
/// a[i] = silu(a[i]) * b[i].
void ck_silu_mul(float *a, const float *b, int64_t n);
/// a[i] = gelu_tanh(a[i]) * b[i].
void ck_gelu_mul(float *a, const float *b, int64_t n);
/// Rotates `n_heads` heads of `head_dim` in place; cos/sin hold head_dim/2 values for this position;
/// neox = 0 rotates adjacent pairs (2i, 2i+1), neox = 1 rotates (i, i + head_dim/2).
void ck_rope(float *x, int n_heads, int head_dim, const float *cos_t, const float *sin_t, int neox);
/// Converts n floats to halves.
void ck_to_fp16(const float *x, uint16_t *out, int64_t n);

/// Attention of `g` query heads (q: g·head_dim floats, head after head) that share one KV head, over `n` cached
/// positions (k, v point at the block's first position of that KV head; positions `stride` elements apart;
/// `f16` = 1 for a half cache). Writes per head h the unnormalized partial: m[h] = max score, l[h] = Σ e^(s−m),
/// o[h·head_dim…] = Σ e^(s−m)·v. `scratch` holds g·n floats.
void ck_attention_block(const float *q, int g, const void *k, const void *v, int64_t n, int head_dim,
                        int64_t stride, float scale, int f16, float *scratch, float *o, float *m, float *l);
/// Folds the partials (ob, mb, lb) of the next block into the running partials (o, m, l) of `g` heads (o and ob:
/// g·head_dim floats, the others g).
void ck_attention_fold(float *o, float *m, float *l, const float *ob, const float *mb, const float *lb, int g,
                       int head_dim);

// ---- a persistent thread pool (spin, then sleep) ----
typedef struct ck_pool ck_pool;
/// A task run by every thread: ith in [0, nth).
typedef void (*ck_task)(void *context, int ith, int nth);
/// Creates a pool of `n_threads` (the caller counts as one; n_threads-1 workers are started).
ck_pool *ck_pool_create(int n_threads);
/// Runs task(context, ith, nth) on all threads, the caller as ith 0; returns when all are done.
void ck_pool_run(ck_pool *pool, ck_task task, void *context);
/// The pool's thread count.
int ck_pool_threads(const ck_pool *pool);
/// Atomically increments *counter and returns its previous value (threads claiming chunks of a parallel loop).
int64_t ck_claim(int64_t *counter);
/// Claims the next range of a loop over [0, total) in guided order: each claim takes half of what is left divided
/// by the thread count (in multiples of `granule`), so the threads start with long runs and end with short ones.
/// Returns the range's start and writes its end to *end, or returns -1 when nothing is left.
int64_t ck_claim_guided(int64_t *next, int64_t total, int64_t granule, int threads, int64_t *end);
/// Stops and frees the pool.
void ck_pool_destroy(ck_pool *pool);

#ifdef __cplusplus
}
#endif
#endif
