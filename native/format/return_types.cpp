#include "format/return_types.hpp"

#include "format/tensor_repr.hpp"

namespace lesson::format {

std::string values_indices_repr(const std::string& op, const tensor::Tensor& values,
                                const tensor::Tensor& indices) {
  // structseq's repr puts each field on its own line without re-indenting
  // multi-line values.
  return "torch.return_types." + op + "(\nvalues=" + tensor_repr(values) +
         ",\nindices=" + tensor_repr(indices) + ")";
}

}  // namespace lesson::format
