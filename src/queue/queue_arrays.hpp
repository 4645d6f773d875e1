// The queue's consumer side as arrays: a batch of the ring seen as a view (its deleter releases
// the batch) or copied into a new array.
#pragma once
#include <cstdint>

#include "core/array.hpp"
#include "core/dtype.hpp"
#include "queue/ring.hpp"

namespace cnp::queue {

// Up to max ready records as a read-only 1-D view of the ring (ring.hpp: a batch stops at the end
// of the ring); waits up to timeout_s for the first. The view keeps a reference to the ring and
// releases the batch when its last view goes (cnp_deleter, any thread).
Array pop_view(Ring& ring, const Dtype* dtype, int64_t max, double timeout_s);
// The same records copied into a new C-contiguous array (crossing the end of the ring); their
// slots are free again on return.
Array pop_copy(Ring& ring, const Dtype* dtype, int64_t max, double timeout_s);

}  // namespace cnp::queue
