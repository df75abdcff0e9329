"""The error every training write raises for refused input."""


class TrainingInputError(ValueError):
    """Input refused; ``errors`` maps each bad field to a Vietnamese message. Nothing
    was stored."""

    def __init__(self, errors: dict[str, str]) -> None:
        self.errors = errors
        super().__init__("; ".join(f"{k}: {v}" for k, v in errors.items()))
