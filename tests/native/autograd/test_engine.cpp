// Engine tests on hand-written nodes, independent of the op library: the
// graph y = f(g(x), x) with known local derivatives.
#include <doctest/doctest.h>

#include <memory>

#include "autograd/engine.hpp"
#include "autograd/grad_mode.hpp"
#include "autograd/graph.hpp"
#include "autograd/saved_tensor.hpp"
#include "core/errors.hpp"
#include "tensor/create.hpp"
#include "tensor/elementwise_binary.hpp"

using namespace lesson;
using namespace lesson::autograd;
using tensor::Tensor;

namespace {

// out = a * b (same shapes), saving both inputs.
class TestMul final : public Node {
 public:
  TestMul(const Tensor& a, const Tensor& b) : a_(a), b_(b) {}
  std::string name() const override { return "MulBackward0"; }
  TensorList apply(TensorList&& g) override {
    return {tensor::mul(g[0], b_.unpack()), tensor::mul(g[0], a_.unpack())};
  }
  void release_variables() override {
    a_.release();
    b_.release();
  }

 private:
  SavedTensor a_, b_;
};

Tensor test_mul(const Tensor& a, const Tensor& b) {
  Tensor out = tensor::mul(a, b);
  if (needs_grad({&a, &b})) set_history(std::make_shared<TestMul>(a, b), {&a, &b}, {&out});
  return out;
}

Tensor leaf(std::vector<double> values) {
  Tensor t = tensor::from_doubles({static_cast<std::int64_t>(values.size())}, values);
  t.set_requires_grad(true);
  return t;
}

std::vector<double> grad_of(const Tensor& t) { return t.grad().to_double_vector(); }

}  // namespace

TEST_CASE("backward through a diamond sums both paths into the leaf") {
  Tensor x = leaf({1.0, 2.0, 3.0});
  Tensor y = test_mul(x, x);      // x^2
  Tensor z = test_mul(y, x);      // x^3
  CHECK(z.grad_fn()->name() == "MulBackward0");
  CHECK_FALSE(z.is_leaf());
  backward(z, tensor::ones({3}));
  CHECK(grad_of(x) == std::vector<double>{3.0, 12.0, 27.0});  // 3x^2
}

TEST_CASE(".grad accumulates across backward calls and retain_graph keeps saved tensors") {
  Tensor x = leaf({2.0});
  Tensor y = test_mul(x, x);
  backward(y, Tensor(), /*retain_graph=*/true);
  backward(y, Tensor(), /*retain_graph=*/false);
  CHECK(grad_of(x) == std::vector<double>{8.0});
  CHECK_THROWS_WITH_AS(backward(y),
                       doctest::Contains("Trying to backward through the graph a second time"),
                       TorchError);
}

TEST_CASE("backward errors use PyTorch's texts") {
  Tensor plain = tensor::ones({3});
  CHECK_THROWS_WITH_AS(backward(plain),
                       "element 0 of tensors does not require grad and does not have a grad_fn",
                       TorchError);
  Tensor x = leaf({1.0, 2.0, 3.0});
  Tensor y = test_mul(x, x);
  CHECK_THROWS_WITH_AS(backward(y), "grad can be implicitly created only for scalar outputs", TorchError);
  CHECK_THROWS_WITH_AS(backward(y, tensor::ones({2})),
                       "Mismatch in shape: grad_output[0] has a shape of torch.Size([2]) and "
                       "output[0] has a shape of torch.Size([3]).",
                       TorchError);
}

TEST_CASE("a saved tensor modified in place is detected") {
  Tensor x = leaf({1.0, 2.0, 3.0});
  Tensor c = tensor::ones({3});
  Tensor y = test_mul(x, c);
  tensor::mul_(c, tensor::Scalar(2));
  CHECK_THROWS_WITH_AS(
      backward(y, tensor::ones({3})),
      "one of the variables needed for gradient computation has been modified by an inplace "
      "operation: [torch.FloatTensor [3]] is at version 1; expected version 0 instead. Hint: "
      "enable anomaly detection to find the operation that failed to compute its gradient, with "
      "torch.autograd.set_detect_anomaly(True).",
      TorchError);
}

TEST_CASE("no_grad records no history and in-place ops on grad leaves are refused") {
  Tensor x = leaf({1.0});
  {
    NoGradGuard guard;
    Tensor y = test_mul(x, x);
    CHECK_FALSE(y.requires_grad());
    CHECK(y.is_leaf());
  }
  CHECK(grad_enabled());
  CHECK_THROWS_WITH_AS(check_inplace(x),
                       "a leaf Variable that requires grad is being used in an in-place operation.",
                       TorchError);
}

TEST_CASE("retain_grad keeps a non-leaf gradient") {
  Tensor x = leaf({3.0});
  Tensor y = test_mul(x, x);
  retain_grad(y);
  Tensor z = test_mul(y, y);
  backward(z);
  CHECK(grad_of(y) == std::vector<double>{18.0});   // dz/dy = 2y = 18
  CHECK(grad_of(x) == std::vector<double>{108.0});  // 4x^3
}
