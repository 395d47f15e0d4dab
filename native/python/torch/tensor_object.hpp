// The Python face of the tensor core: torch.Tensor / nn.Parameter objects
// wrapping lesson::tensor::Tensor, torch.dtype and torch.Size values, and the
// argument conversions every torch binding uses (with PyTorch's TypeError
// texts, e.g. "layer_norm(): argument 'input' (position 1) must be Tensor,
// not list").
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <vector>

#include "python/object.hpp"
#include "tensor/scalar.hpp"
#include "tensor/tensor.hpp"
#include "tensor/tensor_index.hpp"

namespace lesson::python {
class Dict;
}

namespace lesson::python::torch {

extern Type tensor_type;     // torch.Tensor (subclassable from Python)
extern Type parameter_type;  // torch.nn.parameter.Parameter, a Tensor subclass
extern Type dtype_type;      // torch.dtype: torch.float32, torch.int64, torch.bool
extern Type size_type;       // torch.Size, a tuple subclass

// Where a view made by a basic subscript (y[0], y[:, 1:]) came from, so an
// in-place method on it (y[0].mul_(3)) also rewrites its base's history, as
// PyTorch's view tracking does.
struct ViewOrigin {
  tensor::Tensor base;
  std::vector<tensor::TensorIndex> indices;
};

class TensorObject : public Object {
 public:
  explicit TensorObject(tensor::Tensor v, Type* t = &tensor_type);
  ~TensorObject() override;
  // Attributes set from Python (t.name = ...), created on demand.
  Dict* instance_dict() override;

  tensor::Tensor value;
  Dict* dict = nullptr;  // owned
  std::shared_ptr<const ViewOrigin> view_origin;  // set for views of tensors that require grad
};

// Defines the types (idempotent); called by the torch module's init.
void init_tensor_types();

bool is_tensor(const Object* o);  // Tensor or any subclass
inline const tensor::Tensor& tensor_value(const Object* o) { return static_cast<const TensorObject*>(o)->value; }
ObjRef wrap_tensor(tensor::Tensor t);     // a new torch.Tensor
ObjRef wrap_parameter(tensor::Tensor t);  // a new nn.Parameter
ObjRef wrap_optional(tensor::Tensor t);   // None when undefined

// Argument conversions. `fname` and `argname`/`position` produce PyTorch's
// messages: "<fname>(): argument '<argname>' (position <position>) must be
// Tensor, not <type>".
const tensor::Tensor& tensor_arg(Object* o, const char* fname, const char* argname, int position);
// None (or nullptr) -> undefined Tensor.
tensor::Tensor optional_tensor_arg(Object* o, const char* fname, const char* argname, int position);
// A Python int/float/bool (or 0-dim tensor via item()) as a Scalar.
tensor::Scalar scalar_arg(Vm& vm, Object* o, const char* fname, const char* argname, int position);
// An int or a sequence of ints ("tuple of ints"); expands a single int to
// `expand_to` entries when expand_to > 0.
std::vector<std::int64_t> int_list_arg(Vm& vm, Object* o, const char* fname, const char* argname, int position,
                                       std::size_t expand_to = 0);

ObjRef dtype_object(tensor::DType d);
tensor::DType dtype_arg(Object* o, const char* fname, const char* argname, int position);
ObjRef make_size(const tensor::Shape& shape);

// torch.tensor(data): nested lists/tuples of numbers or bools, scalars,
// tensors; dtype inferred as PyTorch does unless given.
tensor::Tensor tensor_from_data(Vm& vm, Object* data, std::optional<tensor::DType> dtype);
// t.tolist(): nested Python lists of int/float/bool (a Python number for 0-dim).
ObjRef tensor_to_list(const tensor::Tensor& t);

}  // namespace lesson::python::torch
