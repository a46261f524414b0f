package io.antfleet.store;

import java.sql.CallableStatement;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import org.apache.ibatis.type.BaseTypeHandler;
import org.apache.ibatis.type.JdbcType;

/**
 * A journal entry's services as one comma-separated column: they are antctl service names, read and
 * written whole with their operation, never queried one by one, so a child table would buy nothing.
 */
public final class ServiceListTypeHandler extends BaseTypeHandler<List<String>> {
    @Override
    public void setNonNullParameter(PreparedStatement ps, int i, List<String> parameter, JdbcType jdbcType) throws SQLException {
        ps.setString(i, encode(parameter));
    }

    @Override
    public List<String> getNullableResult(ResultSet rs, String columnName) throws SQLException {
        return decode(rs.getString(columnName));
    }

    @Override
    public List<String> getNullableResult(ResultSet rs, int columnIndex) throws SQLException {
        return decode(rs.getString(columnIndex));
    }

    @Override
    public List<String> getNullableResult(CallableStatement cs, int columnIndex) throws SQLException {
        return decode(cs.getString(columnIndex));
    }

    static String encode(List<String> services) {
        for (String service : services) {
            if (service.isBlank() || service.contains(",")) {
                throw new StoreException("invalid service '" + service + "' in an operation (blank or with a comma)");
            }
        }
        return String.join(",", services);
    }

    static List<String> decode(String value) {
        return value == null || value.isEmpty() ? List.of() : Arrays.asList(value.split(","));
    }
}
