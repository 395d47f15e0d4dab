# The padding layers: constructor forms, reprs inside a model, forward and
# backward through them.
import torch
import torch.nn as nn

layers = [nn.ZeroPad2d(1), nn.ZeroPad2d((1, 0, 2, 0)), nn.ConstantPad1d(2, 3.5), nn.ConstantPad2d((1, 0), -1.0),
          nn.ConstantPad3d(1, 0.5), nn.ReflectionPad1d(2), nn.ReflectionPad2d((1, 1, 0, 1)), nn.ReflectionPad3d(1),
          nn.ReplicationPad1d((0, 3)), nn.ReplicationPad2d(1), nn.ReplicationPad3d((1, 0, 0, 1, 1, 0))]
for layer in layers:
    print(layer, layer.padding)

torch.manual_seed(0)
model = nn.Sequential(nn.ReflectionPad2d(1), nn.Conv2d(1, 2, 3), nn.ZeroPad2d((0, 1, 0, 1)), nn.MaxPool2d(2))
print(model)
x = torch.randn(1, 1, 4, 4, requires_grad=True)
y = model(x)
print(y.shape)
y.sum().backward()
print(x.grad)
print(nn.ConstantPad1d(1, 7)(torch.arange(3).view(1, 3)))
print(nn.ReplicationPad1d(2)(torch.tensor([[[1., 2.]]])))
print(nn.ReflectionPad3d(1)(torch.arange(8.).view(1, 2, 2, 2))[0, 0])
print(isinstance(model[0], nn.modules.padding._ReflectionPadNd), type(model[2]).__module__)
