// Generators: a suspended frame resumed by next()/send().
#pragma once

#include <memory>

#include "python/object.hpp"

namespace lesson::python {

class Frame;
extern Type generator_type;

class Generator : public Object {
 public:
  explicit Generator(std::unique_ptr<Frame> f);
  ~Generator() override;

  // Resumes with `sent` (None for next()); returns the yielded value, or
  // empty when the generator returned (its value is in return_value).
  ObjRef resume(Vm& vm, Object* sent);
  // Resumes by raising exc inside the generator (throw()).
  ObjRef resume_throw(Vm& vm, Ref<class BaseExc> exc);
  void close(Vm& vm);

  std::unique_ptr<Frame> frame;
  ObjRef return_value;
  bool running = false;
  bool finished = false;
  bool started = false;
  std::string name;
  std::string qualname;
};

void init_generator_type();

}  // namespace lesson::python
