#include "print/options.hpp"

#include <mutex>

#include "core/error.hpp"

namespace cnp::print {
namespace {
std::mutex g_mutex;
cnp_printoptions g_options{8, 3, 1000, 75, 0, CNP_SIGN_MINUS, CNP_FLOATMODE_MAXPREC, CNP_LEGACY_OFF};
}  // namespace

cnp_printoptions get_options() {
  std::lock_guard<std::mutex> lock(g_mutex);
  return g_options;
}

void check_legacy(int32_t legacy) {
  if (legacy != CNP_LEGACY_OFF && legacy != CNP_LEGACY_1_13 && legacy != CNP_LEGACY_1_21)
    throw Error(CNP_ERR_VALUE, "legacy printing option can currently only be '1.13', '1.21', or `False`");
}

void set_options(const cnp_printoptions& o) {
  // NumPy's own messages (numpy/core/arrayprint.py _make_options_dict).
  if (o.precision < 0) throw Error(CNP_ERR_VALUE, "precision must be >= 0");
  if (o.threshold < 0) throw Error(CNP_ERR_VALUE, "threshold must be non-NAN, try sys.maxsize for untruncated representation");
  if (o.edgeitems < 0) throw Error(CNP_ERR_VALUE, "edgeitems must be >= 0");
  if (o.linewidth < 1) throw Error(CNP_ERR_VALUE, "linewidth must be >= 1");
  if (o.sign < CNP_SIGN_MINUS || o.sign > CNP_SIGN_SPACE) throw Error(CNP_ERR_VALUE, "sign option must be one of ' ', '+', or '-'");
  if (o.floatmode < CNP_FLOATMODE_MAXPREC || o.floatmode > CNP_FLOATMODE_MAXPREC_EQUAL)
    throw Error(CNP_ERR_VALUE, "floatmode option must be one of 'fixed', 'unique', 'maxprec', 'maxprec_equal'");
  check_legacy(o.legacy);
  std::lock_guard<std::mutex> lock(g_mutex);
  g_options = o;
  g_options.suppress = o.suppress ? 1 : 0;
  if (o.legacy == CNP_LEGACY_1_13) g_options.sign = CNP_SIGN_MINUS;  // NumPy resets it in 1.13 mode
}

}  // namespace cnp::print
