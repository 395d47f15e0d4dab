#include "python/frozen.hpp"

namespace lesson::python {

// Programs that link a generated table (lesson_freeze's output) replace
// this definition.
[[gnu::weak]] FrozenTable frozen_code_table() { return {nullptr, 0}; }

const FrozenCode* find_frozen_code(std::string_view filename, std::string_view source) {
  const FrozenTable table = frozen_code_table();
  const std::uint64_t hash = source_hash(source);
  for (std::size_t i = 0; i < table.count; ++i) {
    const FrozenCode& e = table.entries[i];
    if (e.source_hash == hash && filename == e.filename) return &e;
  }
  return nullptr;
}

}  // namespace lesson::python
