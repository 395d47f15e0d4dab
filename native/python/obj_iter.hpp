// Iterator objects of the builtin sequences and of the builtins enumerate,
// zip, map, filter and reversed.
#pragma once

#include <vector>

#include "python/object.hpp"

namespace lesson::python {

extern Type seq_iterator_type;  // list, tuple, str, and __getitem__-based
extern Type range_iterator_type;
extern Type dict_keys_type, dict_values_type, dict_items_type;
extern Type dict_iterator_type;
extern Type set_iterator_type;
extern Type enumerate_type, zip_type, map_type, filter_type, reversed_type;
extern Type callable_iterator_type;

// Iterates over obj[0], obj[1], ... (list, tuple, str, or __getitem__).
ObjRef make_seq_iterator(Object* seq);
ObjRef make_range_iterator(std::int64_t start, std::int64_t step, std::int64_t count);
// kind: 0 keys, 1 values, 2 items
ObjRef make_dict_iterator(Object* dict, int kind);
ObjRef make_dict_view(Object* dict, int kind);
ObjRef make_set_iterator(Object* set);
// iter(callable, sentinel)
ObjRef make_callable_iterator(ObjRef func, ObjRef sentinel);

void init_iter_types();

}  // namespace lesson::python
