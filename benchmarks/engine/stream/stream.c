// How fast the int8 matmul kernels stream repacked weights in a decode step (one activation vector), against a plain
// read of the same number of bytes: the memory-bandwidth bound of decoding. Usage: stream THREADS [KERNEL_SET]
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "CKernels.h"

enum { COLS = 576, REPEATS = 10 };

typedef struct { int kind; int64_t rows; int count; void **matrices; int thread, threads; } job;

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + t.tv_nsec * 1e-9;
}

static int8_t q[COLS];
static const ck_kernels *set;
static float d[COLS / 32], s[COLS / 32];

static void *run_kernel(void *p) {
    job *j = p;
    ck_act x = {q, d, s, 1};
    float *y = malloc(sizeof(float) * j->rows);
    int64_t begin = j->rows * j->thread / j->threads / 8 * 8, end = j->rows * (j->thread + 1) / j->threads / 8 * 8;
    for (int r = 0; r < REPEATS; ++r)
        for (int m = 0; m < j->count; ++m) set->matmul_x8(j->kind, j->matrices[m], j->rows, COLS, &x, y, j->rows, begin, end);
    free(y);
    return NULL;
}

static volatile uint64_t sink;

static void *run_read(void *p) {
    job *j = p;
    uint64_t acc = 0;
    size_t bytes = j->kind ? ck_q8_0x8_size(j->rows, COLS) : ck_q4_1x8_size(j->rows, COLS);
    size_t begin = bytes * j->thread / j->threads, end = bytes * (j->thread + 1) / j->threads;
    for (int r = 0; r < REPEATS; ++r)
        for (int m = 0; m < j->count; ++m)
            for (size_t o = begin; o + 8 <= end; o += 64) acc += *(const uint64_t *)((const char *)j->matrices[m] + o);
    sink = acc;
    return NULL;
}

static double measure(void *(*fn)(void *), int kind, int64_t rows, int count, void **matrices, int threads) {
    pthread_t t[64];
    job jobs[64];
    double start = now();
    for (int i = 0; i < threads; ++i) {
        jobs[i] = (job){kind, rows, count, matrices, i, threads};
        pthread_create(&t[i], NULL, fn, &jobs[i]);
    }
    for (int i = 0; i < threads; ++i) pthread_join(t[i], NULL);
    size_t bytes = kind ? ck_q8_0x8_size(rows, COLS) : ck_q4_1x8_size(rows, COLS);
    return (double)bytes * count * REPEATS / (now() - start) / 1e9;
}

int main(int argc, char **argv) {
    int threads = argc > 1 ? atoi(argv[1]) : 2;
    if (threads < 1 || threads > 64) threads = 2;
    set = argc > 2 ? ck_kernels_named(argv[2]) : ck_kernels_best();
    if (set == NULL) {
        fprintf(stderr, "stream: this CPU cannot run the '%s' kernels (or the name is unknown)\n", argv[2]);
        return 2;
    }
    for (int i = 0; i < COLS; ++i) q[i] = (int8_t)(i % 100 - 50);
    for (int i = 0; i < COLS / 32; ++i) { d[i] = 0.01f; s[i] = 0.1f; }
    // SmolLM2's shapes: 30 layers × (3 × 1536 × 576 + …) ≈ 66 MB of Q4_1, and the 49152 × 576 Q8_0 output matrix.
    struct { int kind; int64_t rows; int count; const char *name; } sets[] = {
        {0, 1536, 120, "q4x8 (Q4_1), 120 matrices 1536 x 576"}, {1, 49152, 3, "q8x8 (Q8_0), 3 matrices 49152 x 576"}};
    for (int k = 0; k < 2; ++k) {
        size_t bytes = sets[k].kind ? ck_q8_0x8_size(sets[k].rows, COLS) : ck_q4_1x8_size(sets[k].rows, COLS);
        void **m = malloc(sizeof(void *) * sets[k].count);
        for (int i = 0; i < sets[k].count; ++i) {
            m[i] = aligned_alloc(64, bytes);
            memset(m[i], 0x11 * (i + 1), bytes);
        }
        double kernel = measure(run_kernel, sets[k].kind, sets[k].rows, sets[k].count, m, threads);
        double read = measure(run_read, sets[k].kind, sets[k].rows, sets[k].count, m, threads);
        printf("| %s | %s | %d | %.1f | %.1f | %.2f |\n", sets[k].name, set->name, threads, kernel, read, kernel / read);
        for (int i = 0; i < sets[k].count; ++i) free(m[i]);
        free(m);
    }
    return 0;
}
