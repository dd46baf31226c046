"""LocalStack Lambda runtime executor ``noop`` (``LAMBDA_RUNTIME_EXECUTOR=noop``).

Functions are created, versioned and become Active without a runtime image; invoking one
fails with a clear message. Used by ``cargo xtask deploy-check``, which needs the functions
of an API to exist (integrations, permissions, authorizers) but not to run.
"""

from localstack.services.lambda_.invocation.plugins import RuntimeExecutorPlugin
from localstack.services.lambda_.invocation.runtime_executor import (
    LambdaRuntimeException,
    RuntimeExecutor,
)


class NoopRuntimeExecutor(RuntimeExecutor):
    def start(self, env_vars):
        raise LambdaRuntimeException(
            "function execution is disabled (LAMBDA_RUNTIME_EXECUTOR=noop, apigw-rs deploy-check)"
        )

    def stop(self):
        pass

    def get_address(self):
        return "127.0.0.1"

    def get_endpoint_from_executor(self):
        return "127.0.0.1"

    def get_runtime_endpoint(self):
        return "http://127.0.0.1:4566/_localstack_lambda/" + self.id

    def invoke(self, payload):
        raise LambdaRuntimeException("function execution is disabled")

    def get_logs(self):
        return ""

    @classmethod
    def prepare_version(cls, function_version):
        pass

    @classmethod
    def cleanup_version(cls, function_version):
        pass

    @classmethod
    def validate_environment(cls):
        return True


class NoopRuntimeExecutorPlugin(RuntimeExecutorPlugin):
    name = "noop"

    def load(self, *args, **kwargs):
        return NoopRuntimeExecutor
