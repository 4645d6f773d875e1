/*
 * cnumpy/queue.h -- EXTENSION, NOT PART OF NUMPY'S API (ABI 1). A bounded single-producer /
 * single-consumer queue of fixed-size records, for native code (a driver, a network or sensor
 * thread) that hands data to a consumer (Python through cnumpy.queue, or C) which reads it as
 * arrays without copying. Design, guarantees and measurements: docs/queue.md.
 *
 * Records: any descriptor with a nonzero itemsize -- numbers, records made with cnp_dtype_record
 * (e.g. {timestamp: int64, sensor: uint16, value: float32}), fixed-width strings. The queue copies
 * record bytes as they are; it never converts them.
 *
 * Threads: at any time one thread may act as the producer (push*) and one as the consumer (wait,
 * pop*); close, info and dtype may be called from any thread; the arrays pop hands out may be
 * freed on any thread. Producer and consumer are lock-free towards each other: the fast paths are
 * atomic loads and stores (acquire/release) of three 64-bit sequence numbers, each on its own cache
 * line; only a thread that has to sleep (wait, pop with a timeout, push under CNP_QUEUE_BLOCK)
 * takes a lock. There is no multi-producer variant: docs/queue.md says why and what to do instead.
 *
 * Zero copy and the lifetime rule: cnp_queue_pop returns a read-only 1-D view of the ring's own
 * memory. The records of a view stay reserved ("held") until every view of that batch is freed
 * (cnp_array_free of the handle and of every view made from it): freeing is the release. Batches
 * may be freed in any order; the producer reuses slots only from the oldest unreleased batch on,
 * so a consumer that keeps views alive makes the queue look full (the overflow policy then
 * applies). The wrap-around rule: a view never crosses the end of the ring; a pop that reaches
 * it returns the records up to the end and the next pop continues at the start (so a view may
 * be shorter than what is ready). cnp_queue_pop_copy copies instead (crossing the end) and
 * releases the slots before it returns.
 *
 * Timeouts are in seconds: 0 = do not wait, a negative value = wait without limit, NaN =
 * CNP_ERR_VALUE. Every array handed out is a new reference (cnp_array_free). Errors: CNP_ERR_VALUE
 * for bad arguments (messages name the function: "pop: max must be >= 0, got -1") and for pushing
 * to a closed queue ("push: the queue is closed"); CNP_ERR_INVALID_HANDLE for NULL or foreign
 * handles and NULL pointers.
 *
 * The block between CNP_DECLS_BEGIN and CNP_DECLS_END is plain C99 (read by the bindings).
 */
#ifndef CNUMPY_QUEUE_H
#define CNUMPY_QUEUE_H

#include "cnumpy/core.h"

#ifdef __cplusplus
extern "C" {
#endif

/* CNP_DECLS_BEGIN */

/** What push does when the ring is full, chosen at creation.
 *  DROP_NEWEST: the records that do not fit are refused (counted in CNP_QUEUE_DROPPED_NEWEST).
 *  DROP_OLDEST: the oldest records not yet popped are discarded to make room (counted in
 *    CNP_QUEUE_DROPPED_OLDEST); records the consumer holds views of are never overwritten, so
 *    when every slot is held the new records are refused as under DROP_NEWEST.
 *  BLOCK: push waits (up to its timeout) for the consumer to free slots; what it could not push
 *    is returned to the caller, not counted as dropped. */
enum {
    CNP_QUEUE_DROP_NEWEST = 0,
    CNP_QUEUE_DROP_OLDEST = 1,
    CNP_QUEUE_BLOCK = 2
};

/** What cnp_queue_info reports. READY: records pushed and not yet popped; HELD: records popped
 *  whose slots are not free yet (their views are alive, or they wait behind an older batch whose
 *  views are: slots are freed oldest first); PUSHED/POPPED: totals accepted and handed out; DROPPED_*: see the
 *  policies; PRODUCER_WAITS: how often push had to sleep (BLOCK); CLOSED: 0 or 1; OVERFLOW: the
 *  policy. Counters are read without stopping either side: each is exact once both sides are idle. */
enum {
    CNP_QUEUE_CAPACITY = 0,
    CNP_QUEUE_ITEMSIZE = 1,
    CNP_QUEUE_READY = 2,
    CNP_QUEUE_HELD = 3,
    CNP_QUEUE_PUSHED = 4,
    CNP_QUEUE_POPPED = 5,
    CNP_QUEUE_DROPPED_NEWEST = 6,
    CNP_QUEUE_DROPPED_OLDEST = 7,
    CNP_QUEUE_PRODUCER_WAITS = 8,
    CNP_QUEUE_CLOSED = 9,
    CNP_QUEUE_OVERFLOW = 10
};

/** Opaque queue and demo-producer handles. */
typedef struct cnp_queue cnp_queue;
typedef struct cnp_queue_sensor cnp_queue_sensor;

/** A queue of `capacity` records of `dtype` (at most 2**40 bytes in all), with an overflow policy
 *  (CNP_QUEUE_*). Errors: CNP_ERR_VALUE for capacity < 1, a zero itemsize, an unknown policy.
 *  \param[out] out new handle (cnp_queue_free). */
CNP_API cnp_status cnp_queue_create(const cnp_dtype* dtype, int64_t capacity, int32_t overflow, cnp_queue** out);
/** Closes the queue and drops the handle (NULL is ignored). The memory lives on until the last
 *  view popped from it and the last sensor feeding it are freed. Neither side may use the handle
 *  afterwards: stop the producer first. */
CNP_API void cnp_queue_free(cnp_queue* q);

/** Producer: copies one record (itemsize bytes at `record`). Under BLOCK it waits without limit
 *  for space; under the DROP policies a record that does not fit is counted, not an error. */
CNP_API cnp_status cnp_queue_push(cnp_queue* q, const void* record);
/** Producer: copies n contiguous records, as many as the policy lets in (timeout_s applies to
 *  BLOCK only). \param[out] pushed the number accepted (may be NULL). */
CNP_API cnp_status cnp_queue_push_many(cnp_queue* q, const void* records, int64_t n, double timeout_s, int64_t* pushed);
/** Producer: pushes the elements of an array in C order; its dtype must equal the queue's
 *  (CNP_ERR_TYPE otherwise: "push: the array's dtype int32 is not the queue's dtype float64").
 *  \param[out] pushed the number accepted (may be NULL). */
CNP_API cnp_status cnp_queue_push_array(cnp_queue* q, const cnp_array* records, double timeout_s, int64_t* pushed);

/** Consumer: waits until at least min_count records (0 <= min_count <= capacity) are ready, the
 *  queue is closed or the timeout passes. \param[out] ready the number ready then. */
CNP_API cnp_status cnp_queue_wait(cnp_queue* q, int64_t min_count, double timeout_s, int64_t* ready);
/** Consumer: up to max ready records as a read-only 1-D view of the ring (no copy; the lifetime
 *  and wrap-around rules are above); waits up to timeout_s for the first record. The array is
 *  empty (shape (0,)) when nothing is ready, including after close once the queue is drained.
 *  \param[out] out new reference; freeing it (and its views) releases the records. */
CNP_API cnp_status cnp_queue_pop(cnp_queue* q, int64_t max, double timeout_s, cnp_array** out);
/** Consumer: the same records copied into a new array, across the end of the ring; the slots are
 *  free again when it returns. \param[out] out new reference. */
CNP_API cnp_status cnp_queue_pop_copy(cnp_queue* q, int64_t max, double timeout_s, cnp_array** out);

/** Closes the queue (idempotent, any thread): push fails from now on, waiting threads wake, the
 *  records already pushed can still be popped. */
CNP_API cnp_status cnp_queue_close(cnp_queue* q);
/** One of the CNP_QUEUE_CAPACITY .. CNP_QUEUE_OVERFLOW values. \param[out] out the value. */
CNP_API cnp_status cnp_queue_info(const cnp_queue* q, int32_t what, int64_t* out);
/** The record dtype. \param[out] out new reference. */
CNP_API cnp_status cnp_queue_dtype(const cnp_queue* q, cnp_dtype** out);

/** The demo sensor's record: {timestamp: int64 (CLOCK_MONOTONIC ns at the push, the clock of
 *  Python's time.monotonic_ns), seq: int64 (0, 1, ...), value: float32 (a 440 Hz tone),
 *  sensor: uint16 (seq % 4)}, offsets 0, 8, 16, 20, itemsize 24. \param[out] out new reference. */
CNP_API cnp_status cnp_queue_sensor_dtype(cnp_dtype** out);
/** Starts a native thread that pushes into q as its producer (q must have no other producer
 *  meanwhile): `batch` records per push at rate_hz records per second (0: as fast as the queue
 *  takes them), `count` records in all (count -1 means until stopped), then closes q if close_at_end.
 *  What it writes follows q's dtype: the sensor record; an integer type gets seq; float32 and
 *  float64 get a 440 Hz tone of amplitude 0.5 sampled at rate_hz (48000 when 0). Errors:
 *  CNP_ERR_TYPE for another dtype, CNP_ERR_VALUE for a negative or non-finite rate, batch
 *  outside [1, 2**24], count < -1 or a closed queue. \param[out] out new handle (cnp_queue_sensor_free). */
CNP_API cnp_status cnp_queue_sensor_start(cnp_queue* q, double rate_hz, int64_t batch, int64_t count,
                                          int32_t close_at_end, cnp_queue_sensor** out);
/** Stops the thread (or waits for it when it has finished) and joins it.
 *  \param[out] pushed the number of records the queue accepted from it (may be NULL). */
CNP_API cnp_status cnp_queue_sensor_stop(cnp_queue_sensor* s, int64_t* pushed);
/** Stops the thread if running and frees the handle (NULL is ignored). */
CNP_API void cnp_queue_sensor_free(cnp_queue_sensor* s);

/* CNP_DECLS_END */

#ifdef __cplusplus
}
#endif

#endif
