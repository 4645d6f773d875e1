/*
 * cnumpy/datetime.h: datetime64 / timedelta64 (NumPy 1.24's datetime module): ISO 8601 parsing
 * and formatting, numpy.datetime_as_string, numpy.datetime_data (through
 * cnp_dtype_datetime_unit/_count of core.h) and the business-day functions (numpy.busday_offset,
 * busday_count, is_busday, busdaycalendar). docs/datetime.md has the details.
 *
 * The datetime arithmetic itself (a - b, a + timedelta, timedelta * 2, comparisons, maximum ...)
 * goes through the generic ufunc entry points (cnp_subtract, cnp_add, ..., cnp_isnat) and casts through
 * cnp_astype: parsing strings into datetime64 is cnp_astype of an S/U array to M8[unit] (to the
 * unitless M8 the unit is taken from the strings), formatting is cnp_astype to S/U.
 *
 * Common scheme:
 *  - Units are NumPy's spellings ("Y", "M", "W", "D", "h", "m", "s", "ms", "us", "ns", "ps",
 *    "fs", "as"); CNP_ERR_TYPE "Invalid datetime unit \"xx\" in metadata" for others.
 *  - Business-day dates are datetime64[D] arrays (other inputs are cast under NumPy's 'safe'
 *    rule: CNP_ERR_TYPE "Iterator operand 0 dtype could not be cast from dtype('<M8[h]') to
 *    dtype('<M8[D]') according to the rule 'safe'"); weekmask is a bit mask of the business
 *    weekdays, bit 0 Monday ... bit 6 Sunday (0x1F: Monday to Friday, NumPy's default; bits
 *    above 6 are CNP_ERR_VALUE); holidays an optional datetime64[D] array (NULL: none), which
 *    is sorted and cleaned of NaT, duplicates and weekend days as NumPy's busdaycalendar does.
 *  - out_array: NumPy's out= (NULL: a new array); *out the result (new handle), written only
 *    on success.
 *  - Version: every function of this header appeared in ABI 1 (cnumpy 0.1, libcnumpy.so.1).
 *
 * The block between CNP_DECLS_BEGIN and CNP_DECLS_END is plain C99 (read by the bindings).
 */
#ifndef CNUMPY_DATETIME_H
#define CNUMPY_DATETIME_H

#include "cnumpy/core.h"

#ifdef __cplusplus
extern "C" {
#endif

/* CNP_DECLS_BEGIN */

/** numpy.datetime64(text[, unit]): parses one ISO 8601 string ("2024-03-10T12:30", "NaT",
 *  "today", "now", a 'Z' or "+01:30" offset with NumPy's DeprecationWarning) into *value in
 *  *dtype (a new datetime64 descriptor: unit NULL takes the string's own unit, else that unit
 *  with NumPy's 'same_kind' check: CNP_ERR_TYPE "Cannot parse \"2024-01-01T10\" as unit 'D' using
 *  casting rule 'same_kind'"). CNP_ERR_VALUE with NumPy's messages ("Error parsing datetime string
 *  \"2024-1-1\" at position 5", "Month out of range in datetime string \"2024-13-01\""). */
CNP_API cnp_status cnp_datetime_parse(const char* text, const char* unit, int64_t* value, cnp_dtype** dtype);

/** numpy.datetime_as_string(a, unit, timezone, casting): a U array of ISO texts. unit NULL: a's
 *  own unit, "auto": the finest unit that loses nothing per element; timezone NULL or "naive",
 *  "UTC" (a 'Z' suffix), "local" (the OS's offset, "+hhmm"); casting: CNP_CASTING_* for the unit
 *  change and the precision check (NumPy's default is CNP_CASTING_SAME_KIND). CNP_ERR_TYPE
 *  "input must have type NumPy datetime"; CNP_ERR_VALUE "Unsupported timezone input string
 *  \"abc\"". */
CNP_API cnp_status cnp_datetime_as_string(const cnp_array* a, const char* unit, const char* timezone, int32_t casting, cnp_array** out);

/** The same with a fixed time zone offset in minutes east of UTC (NumPy's timezone=tzinfo with a
 *  constant utcoffset): texts end in "+hhmm". */
CNP_API cnp_status cnp_datetime_as_string_offset(const cnp_array* a, const char* unit, int32_t offset_minutes, int32_t casting, cnp_array** out);

/** numpy.busdaycalendar's weekmask from a string: "1111100" or day names ("Mon Tue Wed",
 *  "SatSun") as a bit mask (bit 0 Monday). CNP_ERR_VALUE "Invalid business day weekmask string
 *  \"x\"". */
CNP_API cnp_status cnp_busday_weekmask(const char* text, int32_t* weekmask);

/** numpy.busdaycalendar(weekmask, holidays).holidays: the normalised holidays (datetime64[D],
 *  sorted, unique, no NaT, none on a weekmask day off). CNP_ERR_VALUE "Cannot construct a
 *  numpy.busdaycal with a weekmask of all zeros". */
CNP_API cnp_status cnp_busdaycalendar_holidays(int32_t weekmask, const cnp_array* holidays, cnp_array** out);

/** numpy.busday_offset(dates, offsets, roll, weekmask, holidays, out=): datetime64[D]. roll NULL
 *  = "raise"; "nat", "forward"/"following", "backward"/"preceding", "modifiedfollowing",
 *  "modifiedpreceding"; CNP_ERR_VALUE "Invalid business day roll parameter \"x\"", "Non-business
 *  day date in busday_offset", "NaT input in busday_offset" (roll "raise"). */
CNP_API cnp_status cnp_busday_offset(const cnp_array* dates, const cnp_array* offsets, const char* roll, int32_t weekmask, const cnp_array* holidays, cnp_array* out_array, cnp_array** out);

/** numpy.busday_count(begindates, enddates, weekmask, holidays, out=): int64 counts of business
 *  days in [begin, end) (negative when end < begin). CNP_ERR_VALUE "Cannot compute a business day
 *  count with a NaT (not-a-time) date". */
CNP_API cnp_status cnp_busday_count(const cnp_array* begindates, const cnp_array* enddates, int32_t weekmask, const cnp_array* holidays, cnp_array* out_array, cnp_array** out);

/** numpy.is_busday(dates, weekmask, holidays, out=): bool (NaT is False). */
CNP_API cnp_status cnp_is_busday(const cnp_array* dates, int32_t weekmask, const cnp_array* holidays, cnp_array* out_array, cnp_array** out);

/* CNP_DECLS_END */

#ifdef __cplusplus
}
#endif

#endif /* CNUMPY_DATETIME_H */
