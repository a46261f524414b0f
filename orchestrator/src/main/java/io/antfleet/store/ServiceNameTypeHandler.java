package io.antfleet.store;

import io.antfleet.fleet.ServiceName;
import java.sql.CallableStatement;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.apache.ibatis.type.BaseTypeHandler;
import org.apache.ibatis.type.JdbcType;

/** {@link ServiceName} as its text, {@code antnode<N>}. */
final class ServiceNameTypeHandler extends BaseTypeHandler<ServiceName> {
    @Override
    public void setNonNullParameter(PreparedStatement ps, int i, ServiceName parameter, JdbcType jdbcType) throws SQLException {
        ps.setString(i, parameter.value());
    }

    @Override
    public ServiceName getNullableResult(ResultSet rs, String columnName) throws SQLException {
        return of(rs.getString(columnName));
    }

    @Override
    public ServiceName getNullableResult(ResultSet rs, int columnIndex) throws SQLException {
        return of(rs.getString(columnIndex));
    }

    @Override
    public ServiceName getNullableResult(CallableStatement cs, int columnIndex) throws SQLException {
        return of(cs.getString(columnIndex));
    }

    private static ServiceName of(String value) {
        return value == null ? null : ServiceName.of(value);
    }
}
