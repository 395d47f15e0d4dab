class Base:
    def forward(self, x):
        raise NotImplementedError("subclasses must implement forward")
class Child(Base):
    pass
Child().forward(1)
