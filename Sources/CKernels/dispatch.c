// The kernel sets: one table of function pointers per instruction-set family, chosen once from CPUID. Nothing here
// is mutable after the first call: an engine holds the table it was given, so selecting another set for one engine
// (or one test) never changes the kernels of another engine in the same process.
#include "variants.h"
#include <string.h>

static const ck_kernels scalar_set = {
    .name = "scalar",
    .detail = "scalar C (portable reference)",
    .matmul_x8 = ck_matmul_x8_scalar,
    .matmul_f32 = ck_matmul_f32_scalar,
    .quantize_act = ck_quantize_act,
    .attention_block = ck_attention_block,
    .rmsnorm = ck_rmsnorm,
    .silu_mul = ck_silu_mul,
    .to_fp16 = ck_to_fp16,
};

#if defined(__x86_64__) || defined(__i386__)
static const ck_kernels avx2_set = {
    .name = "avx2",
    .detail = "avx2+fma+f16c (int8 vpmaddubsw, f32 fma, f16 attention)",
    .matmul_x8 = ck_matmul_x8_avx2,
    .matmul_f32 = ck_matmul_f32_avx2,
    .quantize_act = ck_quantize_act_avx2,
    .attention_block = ck_attention_block_avx2,
    .rmsnorm = ck_rmsnorm_avx2,
    .silu_mul = ck_silu_mul_avx2,
    .to_fp16 = ck_to_fp16_f16c,
};

// AVX-512 F/BW/VL with VNNI: int8 matmuls with vpdpbusd, f32 matmuls and attention on 16 lanes.
static const ck_kernels avx512_vnni_set = {
    .name = "avx512",
    .detail = "avx512f/bw/vl+vnni (int8 vpdpbusd, f32 zmm fma, f16 zmm attention; element-wise avx2)",
    .matmul_x8 = ck_matmul_x8_avx512vnni,
    .matmul_f32 = ck_matmul_f32_avx512,
    .quantize_act = ck_quantize_act_avx2,
    .attention_block = ck_attention_block_avx512,
    .rmsnorm = ck_rmsnorm_avx2,
    .silu_mul = ck_silu_mul_avx2,
    .to_fp16 = ck_to_fp16_f16c,
};

// AVX-512 F/BW/VL without VNNI (Skylake-X): the int8 matmuls stay on the AVX2 kernel.
static const ck_kernels avx512_set = {
    .name = "avx512",
    .detail = "avx512f/bw/vl without vnni (int8 avx2 vpmaddubsw, f32 zmm fma, f16 zmm attention; element-wise avx2)",
    .matmul_x8 = ck_matmul_x8_avx2,
    .matmul_f32 = ck_matmul_f32_avx512,
    .quantize_act = ck_quantize_act_avx2,
    .attention_block = ck_attention_block_avx512,
    .rmsnorm = ck_rmsnorm_avx2,
    .silu_mul = ck_silu_mul_avx2,
    .to_fp16 = ck_to_fp16_f16c,
};

static int cpu_has_avx2(void) {
    __builtin_cpu_init();
    return __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma") && __builtin_cpu_supports("f16c");
}

// __builtin_cpu_supports also checks that the OS saves the zmm state (XCR0), so a kernel without it reports none.
static int cpu_has_avx512(void) {
    return cpu_has_avx2() && __builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512bw") &&
           __builtin_cpu_supports("avx512vl");
}

static int cpu_has_vnni(void) { return cpu_has_avx512() && __builtin_cpu_supports("avx512vnni"); }
#endif

const ck_kernels *ck_kernels_named(const char *name) {
    if (name == NULL) return NULL;
    if (strcmp(name, "scalar") == 0) return &scalar_set;
#if defined(__x86_64__) || defined(__i386__)
    if (strcmp(name, "avx2") == 0) return cpu_has_avx2() ? &avx2_set : NULL;
    if (strcmp(name, "avx512") == 0) {
        if (!cpu_has_avx512()) return NULL;
        return cpu_has_vnni() ? &avx512_vnni_set : &avx512_set;
    }
#endif
    return NULL;
}

const ck_kernels *ck_kernels_best(void) {
    const ck_kernels *k = ck_kernels_named("avx512");
    if (k == NULL) k = ck_kernels_named("avx2");
    return k ? k : &scalar_set;
}

unsigned ck_cpu_features(void) {
#if defined(__x86_64__) || defined(__i386__)
    __builtin_cpu_init();
    return (__builtin_cpu_supports("avx2") ? CK_CPU_AVX2 : 0u) | (__builtin_cpu_supports("fma") ? CK_CPU_FMA : 0u) |
           (__builtin_cpu_supports("f16c") ? CK_CPU_F16C : 0u) | (__builtin_cpu_supports("avx512f") ? CK_CPU_AVX512F : 0u) |
           (__builtin_cpu_supports("avx512bw") ? CK_CPU_AVX512BW : 0u) |
           (__builtin_cpu_supports("avx512vl") ? CK_CPU_AVX512VL : 0u) |
           (__builtin_cpu_supports("avx512vnni") ? CK_CPU_AVX512VNNI : 0u) |
           (__builtin_cpu_supports("avx512bf16") ? CK_CPU_AVX512BF16 : 0u);
#else
    return 0;
#endif
}
