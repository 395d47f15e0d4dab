// dict: a hash table that keeps insertion order (CPython's compact layout:
// an entry array in insertion order plus an open-addressing index).
#pragma once

#include <cstdint>
#include <vector>

#include "python/object.hpp"

namespace lesson::python {

extern Type dict_type;

extern std::uint64_t g_dict_versions;

class Dict : public Object {
 public:
  struct Entry {
    std::int64_t hash;
    ObjRef key;  // empty for a deleted entry
    ObjRef value;
  };

  explicit Dict(Type* t = &dict_type) : Object(t) {}
  ~Dict() override;
  Dict* instance_dict() override { return attrs; }

  std::size_t size() const { return used_; }

  // General keys (may call __hash__/__eq__).
  Object* get(Vm& vm, Object* key) const;  // borrowed, nullptr if absent
  void set(Vm& vm, Object* key, Object* value);
  bool remove(Vm& vm, Object* key);  // false if absent
  // String keys (attribute and namespace dictionaries); no Vm needed.
  Object* get_str(const Str* key) const;
  Object* get_str(std::string_view key) const;
  void set_str(Str* key, Object* value);
  void set_str(std::string_view key, Object* value);
  bool remove_str(const Str* key);
  void clear();
  // String lookups that first try the entry at `hint` (an attribute cache's
  // remembered position: instances of a class usually store their attributes
  // in the same order) and update it otherwise. The key is compared by
  // identity at the hint, so callers pass interned names.
  Object* get_str_hint(const Str* key, std::uint32_t& hint) const {
    if (hint < entries_.size()) {
      const Entry& e = entries_[hint];
      if (e.key.get() == static_cast<const void*>(key)) return e.value.get();
    }
    std::int64_t ix = find_str(key, str_hash_of(key));
    if (ix < 0) return nullptr;
    hint = static_cast<std::uint32_t>(ix);
    return entries_[static_cast<std::size_t>(ix)].value.get();
  }
  void set_str_hint(Str* key, Object* value, std::uint32_t& hint) {
    if (hint < entries_.size()) {
      Entry& e = entries_[hint];
      if (e.key.get() == static_cast<const void*>(key)) {
        ObjRef old = std::move(e.value);
        e.value = ObjRef(value);
        return;
      }
    }
    set_str(key, value);
    if (!entries_.empty() && entries_.back().key.get() == static_cast<const void*>(key)) {
      hint = static_cast<std::uint32_t>(entries_.size() - 1);
    } else {
      std::int64_t ix = find_str(key, str_hash_of(key));
      if (ix >= 0) hint = static_cast<std::uint32_t>(ix);
    }
  }
  // Room for n entries without reallocating.
  void reserve(std::size_t n);

  // Iteration over live entries: for (i = 0; next(i, e);)
  bool next(std::size_t& pos, const Entry*& out) const {
    while (pos < entries_.size()) {
      const Entry& e = entries_[pos++];
      if (e.key) {
        out = &e;
        return true;
      }
    }
    return false;
  }
  std::size_t entry_capacity() const { return entries_.size(); }
  const Entry& entry_at(std::size_t i) const { return entries_[i]; }
  // Changes on every insertion or deletion, so iterators detect changes;
  // drawn from one counter, so no two dictionaries' changes share a version.
  std::uint64_t version() const { return version_; }
  // Removes and returns the last entry (popitem).
  bool pop_last(ObjRef& key, ObjRef& value);

  Dict* attrs = nullptr;  // attribute dictionary, only for subclass instances

 private:
  std::int64_t find(Vm* vm, Object* key, std::int64_t hash) const;  // entry index or -1
  std::int64_t find_str(const Str* key, std::int64_t hash) const;
  static std::int64_t str_hash_of(const Str* key);
  void insert_new(std::int64_t hash, Object* key, Object* value);
  void rebuild(std::size_t min_index_size);
  void remove_at(std::int64_t entry);

  std::vector<Entry> entries_;
  std::vector<std::int32_t> index_;  // -1 empty, -2 deleted, else entry number
  std::size_t used_ = 0;
  std::uint64_t version_ = 0;
};

Ref<Dict> make_dict();
inline bool is_dict(const Object* o) { return isinstance(o, &dict_type); }

void init_dict_type();

}  // namespace lesson::python
