#include "nn/dropout.hpp"

#include <cmath>
#include <string>

#include "autograd/ops_arith.hpp"
#include "core/errors.hpp"
#include "format/python_float.hpp"
#include "tensor/create.hpp"
#include "tensor/random_create.hpp"

namespace lesson::nn {

Tensor dropout(const Tensor& input, const tensor::Scalar& p, bool training, random::Generator& generator) {
  const double prob = p.to_double();
  const std::string shown =
      p.is_float() ? format::format_python_float(prob) : std::to_string(p.to_int());
  // torch.nn.functional.dropout's own check (a ValueError), then ATen's,
  // which only a NaN reaches.
  if (prob < 0.0 || prob > 1.0) {
    throw_value_error("dropout probability has to be between 0 and 1, but got " + shown);
  }
  if (!(prob >= 0.0 && prob <= 1.0)) {
    throw_runtime_error("dropout probability has to be between 0 and 1, but got " + shown);
  }
  if (prob == 0.0 || !training || input.numel() == 0) return input;
  if (input.dtype() != tensor::DType::Float32) {
    // bernoulli_ then an in-place true division of the integer mask.
    throw_runtime_error(std::string("result type Float can't be cast to the desired output type ") +
                        (input.dtype() == tensor::DType::Int64 ? "Long" : "Bool"));
  }
  if (prob == 1.0) return autograd::mul(input, tensor::scalar_tensor(tensor::Scalar(0.0), input.dtype()));
  // noise = empty_like(input).bernoulli_(1 - p).div_(1 - p): the kept
  // entries hold 1 / (1 - p) rounded to float once.
  Tensor noise = Tensor::make(input.shape(), input.dtype(), false);
  tensor::bernoulli_(noise, 1.0 - prob, generator);
  const float keep = 1.0f / static_cast<float>(1.0 - prob);
  float* np = noise.data<float>();
  for (std::int64_t i = 0, n = noise.numel(); i < n; ++i) np[i] = np[i] != 0.0f ? keep : 0.0f;
  return autograd::mul(input, noise);
}

}  // namespace lesson::nn
