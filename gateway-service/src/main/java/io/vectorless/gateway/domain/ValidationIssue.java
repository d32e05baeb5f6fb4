package io.vectorless.gateway.domain;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;

/** One entry of a FastAPI/pydantic v2 {@code HTTPValidationError.detail} list. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ValidationIssue(String type, List<Object> loc, String msg, JsonNode input, Map<String, Object> ctx) {
}
