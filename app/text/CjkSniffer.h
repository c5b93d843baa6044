#pragma once

#include <QByteArray>
#include <QByteArrayView>

namespace bs::charset
{

// Guesses the East Asian legacy encoding of undeclared text: "gbk", "big5", "shift_jis",
// "euc-jp" or "euc-kr", or empty when the bytes are not confidently one of them (ASCII only,
// valid UTF-8, too little text, or no candidate clearly ahead).
//
// Each candidate decodes a sample (up to 64 KiB); one with decoding errors is out. The others
// are scored by the share of their non-ASCII characters that are among the most frequent of
// the language they write (common hanzi in simplified or traditional form, kana and common
// kanji, common hangul syllables, CJK punctuation). The right decoding of real text scores
// well above 0.5; a wrong one reads as rare characters and scores low.
QByteArray sniffCjkEncoding(QByteArrayView bytes);

} // namespace bs::charset
