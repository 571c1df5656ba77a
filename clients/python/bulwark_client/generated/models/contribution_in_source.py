from enum import StrEnum

class ContributionInSource(StrEnum):
    EMPLOYEE = "employee"
    EMPLOYER = "employer"

    def __str__(self) -> str:
        return str(self.value)
