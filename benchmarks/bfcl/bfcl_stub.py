"""Lets bfcl_eval's checkers be imported without its model registry, which pulls in every provider's SDK."""
import sys
import types


def install_model_config_stub():
    """Replaces `bfcl_eval.constants.model_config` with a registry whose every model keeps `.` in function names."""
    stub = types.ModuleType("bfcl_eval.constants.model_config")

    class Config:
        underscore_to_dot = False

    class Registry(dict):
        def __missing__(self, key):
            return Config()

    stub.MODEL_CONFIG_MAPPING = Registry()
    sys.modules["bfcl_eval.constants.model_config"] = stub
