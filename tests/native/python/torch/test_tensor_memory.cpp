// A tensor is freed the moment its last Python reference goes: loops that
// make a new tensor (or a new autograd graph) every step run in bounded
// memory. Measured with the tensor core's live-storage counter.
#include <doctest/doctest.h>

#include <string>

#include "python/interpreter.hpp"
#include "tensor/storage.hpp"

using lesson::python::CellStatus;
using lesson::python::Interpreter;
using lesson::python::OutputStream;

namespace {

struct TorchSession {
  Interpreter py;
  std::string err;
  TorchSession() {
    py.set_output([this](OutputStream s, std::string_view t) {
      if (s == OutputStream::Stderr) err.append(t);
    });
  }
  void run(const std::string& code) {
    INFO(code);
    CHECK(py.run_cell(code, "<cell 1>").status == CellStatus::Ok);
    CHECK(err == "");
  }
};

constexpr std::size_t kTensorBytes = 512 * 1024 * 4;  // one torch.randn(512, 1024)

}  // namespace

TEST_CASE("torch memory: a loop making a 2 MiB tensor per step stays within a few tensors") {
  TorchSession s;
  s.run("import torch\n");
  const std::size_t base = lesson::tensor::live_storage_bytes();
  lesson::tensor::reset_peak_storage_bytes();
  s.run("for i in range(2000):\n    y = torch.randn(512, 1024)\n");
  const std::size_t peak = lesson::tensor::peak_storage_bytes() - base;
  const std::size_t live = lesson::tensor::live_storage_bytes() - base;
  MESSAGE("peak " << peak << " bytes over 2000 steps (" << static_cast<double>(peak) / kTensorBytes
                  << " tensors), " << live << " bytes live after the loop");
  // The new tensor exists before the old one is released: two at once.
  CHECK(peak <= 3 * kTensorBytes);
  CHECK(live == kTensorBytes);  // y itself
  s.run("del y\n");
  CHECK(lesson::tensor::live_storage_bytes() == base);
}

TEST_CASE("torch memory: a training loop with backward() per step does not grow") {
  TorchSession s;
  s.run(
      "import torch\n"
      "torch.manual_seed(0)\n"
      "x = torch.randn(256, 512)\n"
      "w = torch.randn(512, 256, requires_grad=True)\n"
      "def step():\n"
      "    loss = ((x @ w).relu() ** 2).mean()\n"
      "    loss.backward()\n"
      "    with torch.no_grad():\n"
      "        w.sub_(0.001 * w.grad)\n"
      "    w.grad.zero_()\n"
      "    return loss\n"
      "for i in range(3):\n"
      "    loss = step()\n");
  const std::size_t after_warmup = lesson::tensor::live_storage_bytes();
  lesson::tensor::reset_peak_storage_bytes();
  s.run("for i in range(3):\n    loss = step()\n");
  const std::size_t one_step_peak = lesson::tensor::peak_storage_bytes();
  lesson::tensor::reset_peak_storage_bytes();
  s.run("for i in range(300):\n    loss = step()\n");
  const std::size_t long_peak = lesson::tensor::peak_storage_bytes();
  const std::size_t after = lesson::tensor::live_storage_bytes();
  MESSAGE("live after warm-up " << after_warmup << " bytes, after 300 more steps " << after
                                << "; peak over 3 steps " << one_step_peak << ", over 300 steps " << long_peak);
  CHECK(after == after_warmup);
  CHECK(long_peak <= one_step_peak);
  // Nothing of the graphs stays behind once the names are gone.
  s.run("del loss, x, w\n");
  CHECK(lesson::tensor::live_storage_bytes() < 64 * 1024);
}
