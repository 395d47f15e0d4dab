// str: immutable text stored as UTF-8, indexed by code point. ASCII strings
// (the common case) index bytes directly.
#pragma once

#include <string>
#include <string_view>

#include "python/object.hpp"

namespace lesson::python {

extern Type str_type;

class Str : public Object {
 public:
  explicit Str(std::string s);

  const std::string& str() const { return value; }
  std::int64_t hash() const {
    if (hash_ == -1) hash_ = compute_hash();
    return hash_;
  }
  std::int64_t length() const { return length_; }  // in code points
  bool ascii() const { return ascii_; }
  // Code point i (0 <= i < length()), as UTF-8.
  std::string char_at(std::int64_t i) const;
  // Byte offset of code point i (i may equal length()).
  std::size_t byte_offset(std::int64_t i) const;

  // Appends in place; only for a string nobody else references (the
  // evaluator's `s += t` when `s` holds the last reference).
  void append_in_place(const Str& other);

  std::string value;  // never modified once shared

 private:
  std::int64_t compute_hash() const;
  mutable std::int64_t hash_ = -1;
  std::int64_t length_;
  bool ascii_;
};

Ref<Str> make_str(std::string s);
Ref<Str> make_str(std::string_view s);
Ref<Str> make_str(const char* s);
// Interned (immortal, unique) string for identifiers and attribute names.
Str* intern(std::string_view s);
inline bool is_str(const Object* o) { return o->type() == &str_type; }
inline const std::string& str_value(const Object* o) { return static_cast<const Str*>(o)->value; }
inline bool str_equal(const Str* a, const Str* b) {
  return a == b || (a->hash() == b->hash() && a->value == b->value);
}

// Python's repr of a string: quotes chosen as CPython does, escapes.
std::string str_repr(std::string_view s);

// UTF-8 helpers.
std::u32string utf8_decode(std::string_view s);
std::string utf8_encode(std::u32string_view s);
void utf8_append(std::string& out, char32_t c);
std::int64_t utf8_length(std::string_view s);

void init_str_type();

}  // namespace lesson::python
