"""The one exception every parser raises for input it cannot read."""


class ParseError(ValueError):
    """Input that a parser cannot read, with where it went wrong.

    ``source`` names the input (a file name, or "văn bản" for pasted text), ``position``
    says where in it ("dòng 12", "ký tự 4531, điều thứ 3"; '' when the whole input is
    unreadable) and ``message`` says what is wrong, in Vietnamese for the reviewer.
    ``str(error)`` is ``"<source>, <position>: <message>"`` (``"<source>: <message>"``
    without a position).
    """

    def __init__(self, source: str, position: str, message: str) -> None:
        self.source = source
        self.position = position
        self.message = message
        super().__init__(str(self))

    def __str__(self) -> str:
        if self.position:
            return f"{self.source}, {self.position}: {self.message}"
        return f"{self.source}: {self.message}"

    def __reduce__(self):
        return (type(self), (self.source, self.position, self.message))
