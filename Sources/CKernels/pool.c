// A persistent thread pool: workers spin on a generation counter for a short while, then sleep on a condition
// variable, so that the many small parallel regions of a forward pass cost ~1 µs each and idle pools cost nothing.
#include "CKernels.h"
#include <pthread.h>
#include <sched.h>
#include <stdatomic.h>
#include <stdlib.h>

struct ck_pool {
    int n_threads;
    pthread_t *threads;
    pthread_mutex_t mutex;
    pthread_cond_t wake;
    _Atomic uint64_t generation;
    _Atomic int remaining;
    _Atomic int stop;
    _Atomic int sleepers;
    ck_task task;
    void *context;
};

typedef struct { ck_pool *pool; int ith; } worker_arg;

#define SPIN_LIMIT 200000
#define YIELD_EVERY 1024  // a power of two

static void *worker_main(void *p) {
    worker_arg *arg = (worker_arg *)p;
    ck_pool *pool = arg->pool;
    int ith = arg->ith;
    free(arg);
    uint64_t seen = 0;
    for (;;) {
        int spins = 0;
        uint64_t gen;
        while ((gen = atomic_load_explicit(&pool->generation, memory_order_acquire)) == seen) {
            if (atomic_load_explicit(&pool->stop, memory_order_relaxed)) return NULL;
            if (++spins < SPIN_LIMIT) {
#if defined(__x86_64__) || defined(__i386__)
                __builtin_ia32_pause();
#endif
                // On a busy machine the thread we wait for may have no core: give ours up now and then.
                if ((spins & (YIELD_EVERY - 1)) == 0) sched_yield();
                continue;
            }
            pthread_mutex_lock(&pool->mutex);
            atomic_fetch_add(&pool->sleepers, 1);
            while (atomic_load(&pool->generation) == seen && !atomic_load(&pool->stop))
                pthread_cond_wait(&pool->wake, &pool->mutex);
            atomic_fetch_sub(&pool->sleepers, 1);
            pthread_mutex_unlock(&pool->mutex);
            spins = 0;
        }
        if (atomic_load(&pool->stop)) return NULL;
        seen = gen;
        pool->task(pool->context, ith, pool->n_threads);
        atomic_fetch_sub_explicit(&pool->remaining, 1, memory_order_release);
    }
}

ck_pool *ck_pool_create(int n_threads) {
    if (n_threads < 1) n_threads = 1;
    ck_pool *pool = calloc(1, sizeof(ck_pool));
    if (!pool) return NULL;
    pool->n_threads = n_threads;
    pthread_mutex_init(&pool->mutex, NULL);
    pthread_cond_init(&pool->wake, NULL);
    pool->threads = calloc((size_t)n_threads, sizeof(pthread_t));
    for (int i = 1; i < n_threads; ++i) {
        worker_arg *arg = malloc(sizeof(worker_arg));
        arg->pool = pool;
        arg->ith = i;
        if (pthread_create(&pool->threads[i], NULL, worker_main, arg) != 0) {
            free(arg);
            pool->n_threads = i;  // run with the threads that did start
            break;
        }
    }
    return pool;
}

int ck_pool_threads(const ck_pool *pool) { return pool->n_threads; }

void ck_pool_run(ck_pool *pool, ck_task task, void *context) {
    if (pool->n_threads == 1) {
        task(context, 0, 1);
        return;
    }
    pool->task = task;
    pool->context = context;
    atomic_store_explicit(&pool->remaining, pool->n_threads - 1, memory_order_relaxed);
    atomic_fetch_add(&pool->generation, 1);
    if (atomic_load(&pool->sleepers) > 0) {
        pthread_mutex_lock(&pool->mutex);
        pthread_cond_broadcast(&pool->wake);
        pthread_mutex_unlock(&pool->mutex);
    }
    task(context, 0, pool->n_threads);
    unsigned spins = 0;
    while (atomic_load_explicit(&pool->remaining, memory_order_acquire) > 0) {
#if defined(__x86_64__) || defined(__i386__)
        __builtin_ia32_pause();
#endif
        // A worker that was descheduled needs a core to finish: spinning on would only delay it.
        if ((++spins & (YIELD_EVERY - 1)) == 0) sched_yield();
    }
}

void ck_pool_destroy(ck_pool *pool) {
    if (!pool) return;
    pthread_mutex_lock(&pool->mutex);
    atomic_store(&pool->stop, 1);
    pthread_cond_broadcast(&pool->wake);
    pthread_mutex_unlock(&pool->mutex);
    for (int i = 1; i < pool->n_threads; ++i) pthread_join(pool->threads[i], NULL);
    pthread_mutex_destroy(&pool->mutex);
    pthread_cond_destroy(&pool->wake);
    free(pool->threads);
    free(pool);
}

int64_t ck_claim(int64_t *counter) { return __atomic_fetch_add(counter, 1, __ATOMIC_RELAXED); }

int64_t ck_claim_guided(int64_t *next, int64_t total, int64_t granule, int threads, int64_t *end) {
    int64_t begin = __atomic_load_n(next, __ATOMIC_RELAXED);
    for (;;) {
        if (begin >= total) return -1;
        int64_t size = (total - begin) / (2 * (int64_t)threads);
        size = (size + granule - 1) / granule * granule;
        if (size < granule) size = granule;
        int64_t stop = begin + size < total ? begin + size : total;
        if (__atomic_compare_exchange_n(next, &begin, stop, 0, __ATOMIC_RELAXED, __ATOMIC_RELAXED)) {
            *end = stop;
            return begin;
        }
    }
}
