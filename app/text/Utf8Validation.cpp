#include "text/Utf8Validation.h"

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#define BS_UTF8_SSSE3 1
#include <immintrin.h>
#endif

namespace bs::charset
{

#ifdef BS_UTF8_SSSE3
namespace
{

// Error classes of a (previous byte, byte) pair; a pair is bad when all three lookups agree.
constexpr char TooShort = 1 << 0;  // lead followed by ASCII or another lead
constexpr char TooLong = 1 << 1;   // ASCII followed by a continuation
constexpr char Overlong3 = 1 << 2; // E0 80..9F
constexpr char TooLarge = 1 << 3;  // F4 90..BF, F5..FF
constexpr char Surrogate = 1 << 4; // ED A0..BF
constexpr char Overlong2 = 1 << 5; // C0, C1
constexpr char TooLarge1000 = 1 << 6;
constexpr char Overlong4 = 1 << 6;      // F0 80..8F
constexpr char TwoConts = char(1 << 7); // continuation after continuation (fine if 3rd/4th byte)
constexpr char Carry = TooShort | TooLong | TwoConts;

__attribute__((target("ssse3"))) inline __m128i shiftRightNibble(__m128i v)
{
    return _mm_and_si128(_mm_srli_epi16(v, 4), _mm_set1_epi8(0x0F));
}

// The bytes of `input` shifted right by N lanes, the lanes before coming from `previous`.
template <int N>
__attribute__((target("ssse3"))) inline __m128i prev(__m128i input, __m128i previous)
{
    return _mm_alignr_epi8(input, previous, 16 - N);
}

__attribute__((target("ssse3"))) inline __m128i specialCases(__m128i input, __m128i prev1)
{
    const __m128i byte1High = _mm_shuffle_epi8(
        _mm_setr_epi8(TooLong, TooLong, TooLong, TooLong, TooLong, TooLong, TooLong, TooLong,
                      TwoConts, TwoConts, TwoConts, TwoConts, TooShort | Overlong2, TooShort,
                      TooShort | Overlong3 | Surrogate,
                      TooShort | TooLarge | TooLarge1000 | Overlong4),
        shiftRightNibble(prev1));
    const __m128i byte1Low = _mm_shuffle_epi8(
        _mm_setr_epi8(Carry | Overlong3 | Overlong2 | Overlong4, Carry | Overlong2, Carry, Carry,
                      Carry | TooLarge, Carry | TooLarge | TooLarge1000,
                      Carry | TooLarge | TooLarge1000, Carry | TooLarge | TooLarge1000,
                      Carry | TooLarge | TooLarge1000, Carry | TooLarge | TooLarge1000,
                      Carry | TooLarge | TooLarge1000, Carry | TooLarge | TooLarge1000,
                      Carry | TooLarge | TooLarge1000, Carry | TooLarge | TooLarge1000 | Surrogate,
                      Carry | TooLarge | TooLarge1000, Carry | TooLarge | TooLarge1000),
        _mm_and_si128(prev1, _mm_set1_epi8(0x0F)));
    const __m128i byte2High = _mm_shuffle_epi8(
        _mm_setr_epi8(TooShort, TooShort, TooShort, TooShort, TooShort, TooShort, TooShort,
                      TooShort,
                      TooLong | Overlong2 | TwoConts | Overlong3 | TooLarge1000 | Overlong4,
                      TooLong | Overlong2 | TwoConts | Overlong3 | TooLarge,
                      TooLong | Overlong2 | TwoConts | Surrogate | TooLarge,
                      TooLong | Overlong2 | TwoConts | Surrogate | TooLarge, TooShort, TooShort,
                      TooShort, TooShort),
        shiftRightNibble(input));
    return _mm_and_si128(_mm_and_si128(byte1High, byte1Low), byte2High);
}

__attribute__((target("ssse3"))) inline __m128i blockErrors(__m128i input, __m128i previous)
{
    const __m128i prev1 = prev<1>(input, previous);
    const __m128i special = specialCases(input, prev1);
    // Continuations that are the third or fourth byte of a sequence are expected (TwoConts).
    const __m128i third = _mm_subs_epu8(prev<2>(input, previous), _mm_set1_epi8(char(0xE0 - 0x80)));
    const __m128i fourth =
        _mm_subs_epu8(prev<3>(input, previous), _mm_set1_epi8(char(0xF0 - 0x80)));
    const __m128i expected = _mm_and_si128(_mm_or_si128(third, fourth), _mm_set1_epi8(char(0x80)));
    return _mm_xor_si128(expected, special);
}

// Non-zero where the block ends inside a sequence (a lead in the last one to three bytes).
__attribute__((target("ssse3"))) inline __m128i incompleteAtEnd(__m128i input)
{
    const __m128i max = _mm_setr_epi8(-1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1,
                                      char(0xF0 - 1), char(0xE0 - 1), char(0xC0 - 1));
    return _mm_subs_epu8(input, max);
}

__attribute__((target("ssse3"))) inline bool isZero(__m128i v)
{
    return _mm_movemask_epi8(_mm_cmpeq_epi8(v, _mm_setzero_si128())) == 0xFFFF;
}

__attribute__((target("ssse3"))) bool validateSsse3(const char *data, qsizetype size)
{
    __m128i error = _mm_setzero_si128();
    __m128i previous = _mm_setzero_si128();
    __m128i previousIncomplete = _mm_setzero_si128();
    qsizetype i = 0;
    for (; i + 16 <= size; i += 16) {
        const __m128i input = _mm_loadu_si128(reinterpret_cast<const __m128i *>(data + i));
        if (_mm_movemask_epi8(input) == 0) {
            error = _mm_or_si128(error, previousIncomplete);
        } else {
            error = _mm_or_si128(error, blockErrors(input, previous));
            previousIncomplete = incompleteAtEnd(input);
        }
        previous = input;
        // Check now and then, so that a bad document stops early.
        if ((i & 0xFFFF) == 0 && !isZero(error))
            return false;
    }
    // The tail, padded with zeros (ASCII): errors there include a truncated final sequence.
    if (i < size) {
        alignas(16) char tail[16] = {};
        for (qsizetype k = 0; i + k < size; ++k)
            tail[k] = data[i + k];
        const __m128i input = _mm_load_si128(reinterpret_cast<const __m128i *>(tail));
        error = _mm_or_si128(error, blockErrors(input, previous));
        previousIncomplete = _mm_setzero_si128(); // the zero padding exposed any truncation
    }
    return isZero(_mm_or_si128(error, previousIncomplete));
}

} // namespace
#endif

bool isValidUtf8Fast(QByteArrayView bytes)
{
#ifdef BS_UTF8_SSSE3
    static const bool ssse3 = __builtin_cpu_supports("ssse3");
    if (ssse3)
        return validateSsse3(bytes.data(), bytes.size());
#endif
    return bytes.isValidUtf8();
}

} // namespace bs::charset
